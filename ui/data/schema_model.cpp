#include "data/schema_model.h"

#include "common/format.h"
#include "common/theme.h"

#include <QApplication>

namespace assay::ui {

namespace {

std::optional<std::optional<double>> parseBound(const QVariant &value)
{
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return std::optional<double>();
    bool ok = false;
    const double number = text.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return std::optional<double>(number);
}

} // namespace

QString domainText(const std::optional<std::vector<std::string>> &domain)
{
    if (!domain)
        return {};
    QStringList values;
    for (const std::string &value : *domain)
        values << QString::fromStdString(value);
    return values.join(QStringLiteral(", "));
}

SchemaModel::SchemaModel(QObject *parent) : QAbstractTableModel(parent) {}

void SchemaModel::setSchema(validate::Schema schema, bool modified)
{
    beginResetModel();
    m_schema = std::move(schema);
    endResetModel();
    setModified(modified);
}

void SchemaModel::setModified(bool modified)
{
    if (modified == m_modified)
        return;
    m_modified = modified;
    emit modifiedChanged(modified);
}

int SchemaModel::rowOf(const QString &columnName) const
{
    for (std::size_t i = 0; i < m_schema.columns.size(); ++i)
        if (QString::fromStdString(m_schema.columns[i].name) == columnName)
            return int(i);
    return -1;
}

int SchemaModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_schema.columns.size());
}

int SchemaModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags SchemaModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return flags;
    const validate::ColumnSchema &column = m_schema.columns[std::size_t(index.row())];
    switch (index.column()) {
    case NameColumn: return flags;
    case RequiredColumn: return flags | Qt::ItemIsUserCheckable;
    case PresenceColumn: return column.required ? flags : flags | Qt::ItemIsEditable;
    case MinColumn:
    case MaxColumn: return validate::typeHasRange(column.type) ? flags | Qt::ItemIsEditable : flags;
    case DomainColumn: return validate::typeHasDomain(column.type) ? flags | Qt::ItemIsEditable : flags;
    default: return flags | Qt::ItemIsEditable;
    }
}

QVariant SchemaModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const validate::ColumnSchema &column = m_schema.columns[std::size_t(index.row())];
    const bool editing = role == Qt::EditRole;
    if (role == Qt::CheckStateRole && index.column() == RequiredColumn)
        return column.required ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::ForegroundRole && !(flags(index) & (Qt::ItemIsEditable | Qt::ItemIsUserCheckable)) &&
        index.column() != NameColumn)
        return mutedTextColor(QApplication::palette());
    if (role == Qt::TextAlignmentRole)
        return (index.column() == PresenceColumn || index.column() == MinColumn || index.column() == MaxColumn)
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == DomainColumn && column.domain)
        return domainText(column.domain);
    if (role != Qt::DisplayRole && !editing)
        return {};
    const auto bound = [&](const std::optional<double> &value) -> QVariant {
        if (!value)
            return editing ? QString() : (validate::typeHasRange(column.type) ? tr("unbounded") : QString());
        return editing ? formatNumberFull(*value) : formatNumber(*value);
    };
    switch (index.column()) {
    case NameColumn: return QString::fromStdString(column.name);
    case TypeColumn: return QString::fromUtf8(table::typeName(column.type));
    case RequiredColumn: return column.required ? tr("required") : tr("optional");
    case PresenceColumn:
        return editing ? QVariant(column.effectiveMinPresence())
                       : QVariant(formatNumber(column.effectiveMinPresence() * 100.0, 3) + QStringLiteral(" %"));
    case MinColumn: return bound(column.min);
    case MaxColumn: return bound(column.max);
    case DomainColumn:
        if (!column.domain)
            return editing ? QString() : (validate::typeHasDomain(column.type) ? tr("any value") : QString());
        return domainText(column.domain);
    }
    return {};
}

bool SchemaModel::edit(validate::ColumnSchema &column, int field, const QVariant &value)
{
    switch (field) {
    case TypeColumn: {
        const auto type = table::typeFromName(value.toString().toStdString());
        if (!type)
            return false;
        column.type = *type;
        if (!validate::typeHasRange(*type))
            column.min = column.max = std::nullopt;
        if (!validate::typeHasDomain(*type))
            column.domain.reset();
        return true;
    }
    case RequiredColumn:
        column.required = value.toInt() == Qt::Checked;
        return true;
    case PresenceColumn: {
        bool ok = false;
        const double presence = value.toDouble(&ok);
        if (!ok || presence < 0 || presence > 1)
            return false;
        column.minPresence = presence;
        return true;
    }
    case MinColumn:
    case MaxColumn: {
        const auto bound = parseBound(value);
        if (!bound)
            return false;
        (field == MinColumn ? column.min : column.max) = *bound;
        return true;
    }
    case DomainColumn: {
        const QString text = value.toString().trimmed();
        if (text.isEmpty()) {
            column.domain.reset();
            return true;
        }
        std::vector<std::string> values;
        for (const QString &part : text.split(QLatin1Char(',')))
            if (!part.trimmed().isEmpty())
                values.push_back(part.trimmed().toStdString());
        column.domain = std::move(values);
        return true;
    }
    default:
        return false;
    }
}

bool SchemaModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.row() >= rowCount())
        return false;
    const bool checkEdit = role == Qt::CheckStateRole && index.column() == RequiredColumn;
    if (role != Qt::EditRole && !checkEdit)
        return false;
    validate::ColumnSchema edited = m_schema.columns[std::size_t(index.row())];
    if (!edit(edited, index.column(), value))
        return false;
    if (edited == m_schema.columns[std::size_t(index.row())])
        return true;
    m_schema.columns[std::size_t(index.row())] = std::move(edited);
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    setModified(true);
    return true;
}

QVariant SchemaModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Column");
    case TypeColumn: return tr("Type");
    case RequiredColumn: return tr("Presence");
    case PresenceColumn: return tr("Min presence");
    case MinColumn: return tr("Min");
    case MaxColumn: return tr("Max");
    case DomainColumn: return tr("Domain");
    }
    return {};
}

} // namespace assay::ui
