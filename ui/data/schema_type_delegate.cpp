#include "data/schema_type_delegate.h"

#include "table/column_type.h"

#include <QComboBox>

namespace assay::ui {

QWidget *SchemaTypeDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                          const QModelIndex &) const
{
    auto *box = new QComboBox(parent);
    using table::ColumnType;
    for (ColumnType type : {ColumnType::Bool, ColumnType::Int, ColumnType::Float,
                            ColumnType::Datetime, ColumnType::String})
        box->addItem(QString::fromUtf8(table::typeName(type)));
    return box;
}

void SchemaTypeDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *box = static_cast<QComboBox *>(editor);
    box->setCurrentText(index.data(Qt::EditRole).toString());
}

void SchemaTypeDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                      const QModelIndex &index) const
{
    model->setData(index, static_cast<QComboBox *>(editor)->currentText(), Qt::EditRole);
}

} // namespace assay::ui
