#include "models/train_feature_list.h"

#include <QSignalBlocker>

namespace assay::ui {

TrainFeatureList::TrainFeatureList(QWidget *parent) : QListWidget(parent)
{
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    connect(this, &QListWidget::itemChanged, this, &TrainFeatureList::changed);
}

void TrainFeatureList::setColumns(std::vector<TrainColumn> columns)
{
    const QSignalBlocker blocker(this);
    clear();
    m_columns = std::move(columns);
    for (const TrainColumn &column : m_columns) {
        auto *item = new QListWidgetItem(
            tr("%1  ·  %2").arg(column.name, QString::fromUtf8(table::typeName(column.type))),
            this);
        item->setData(Qt::UserRole, column.name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(suggestedAsFeature(column) ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(whyNotSuggested(column));
    }
    emit changed();
}

void TrainFeatureList::setTarget(const QString &target)
{
    for (int row = 0; row < count(); ++row)
        item(row)->setHidden(item(row)->data(Qt::UserRole).toString() == target);
    emit changed();
}

QStringList TrainFeatureList::namesWith(Qt::CheckState state) const
{
    QStringList names;
    for (int row = 0; row < count(); ++row) {
        const QListWidgetItem *entry = item(row);
        if (!entry->isHidden() && entry->checkState() == state)
            names.append(entry->data(Qt::UserRole).toString());
    }
    return names;
}

QStringList TrainFeatureList::checkedFeatures() const
{
    return namesWith(Qt::Checked);
}

QStringList TrainFeatureList::uncheckedColumns() const
{
    return namesWith(Qt::Unchecked);
}

void TrainFeatureList::checkOnly(const QStringList &names)
{
    {
        const QSignalBlocker blocker(this);
        for (int row = 0; row < count(); ++row) {
            QListWidgetItem *entry = item(row);
            entry->setCheckState(
                names.contains(entry->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
        }
    }
    emit changed();
}

void TrainFeatureList::checkSuggested()
{
    QStringList names;
    for (const TrainColumn &column : m_columns)
        if (suggestedAsFeature(column))
            names.append(column.name);
    checkOnly(names);
}

} // namespace assay::ui
