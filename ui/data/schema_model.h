#pragma once

#include "validate/schema.h"

#include <QAbstractTableModel>

namespace assay::ui {

// The schema as an editable table: a row per column with its type, whether it is required,
// its minimum presence, range and domain. Min/Max accept a number or nothing (unbounded);
// Domain is the allowed values separated by commas, or nothing (any value). Edits that do
// not make sense for the column's type are refused.
class SchemaModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, TypeColumn, RequiredColumn, PresenceColumn, MinColumn, MaxColumn,
                  DomainColumn, ColumnCount };

    explicit SchemaModel(QObject *parent = nullptr);

    void setSchema(validate::Schema schema, bool modified = false);
    const validate::Schema &schema() const { return m_schema; }
    bool isModified() const { return m_modified; }
    void setModified(bool modified);
    int rowOf(const QString &columnName) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void modifiedChanged(bool modified);

private:
    bool edit(validate::ColumnSchema &column, int field, const QVariant &value);

    validate::Schema m_schema;
    bool m_modified = false;
};

// "a, b, c" for a domain; empty for none.
QString domainText(const std::optional<std::vector<std::string>> &domain);

} // namespace assay::ui
