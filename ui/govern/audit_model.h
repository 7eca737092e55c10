#pragma once

#include "govern/audit_log.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <vector>

namespace assay::ui {

// The audit log as a table: seq, time (local, relative on hover), actor, action, object and
// outcome — a refused attempt in red with the word. Newest first.
class AuditModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SeqColumn, TimeColumn, ActorColumn, ActionColumn, ObjectColumn, OutcomeColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,
        SeqRole, // qlonglong
    };

    explicit AuditModel(QObject *parent = nullptr);

    void setEntries(std::vector<govern::AuditEntry> entries);
    const std::vector<govern::AuditEntry> &entries() const { return m_entries; }
    // The entry `seq`, or nullptr.
    const govern::AuditEntry *entry(qlonglong seq) const;
    // The distinct action areas ("registry", "user", …), sorted.
    QStringList actionAreas() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant displayText(const govern::AuditEntry &entry, int column) const;

    std::vector<govern::AuditEntry> m_entries;
};

// Sorts on AuditModel::SortRole and keeps the rows whose action starts with the prefix
// ("registry.") and whose cells contain the text (any column, case-insensitive).
class AuditFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit AuditFilterProxy(QObject *parent = nullptr);

    void setText(const QString &text);
    void setActionPrefix(const QString &prefix);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QString m_prefix;
};

// "2026-11-26T21:40:00.123Z" as local time, "2026-11-26 22:40:00"; the text itself when it
// does not parse.
QString localAuditTime(const std::string &isoTime);

} // namespace assay::ui
