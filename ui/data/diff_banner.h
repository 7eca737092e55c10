#pragma once

#include <QFrame>

class QLabel;

namespace assay::ui {

struct DatasetComparison;

// The strip over the diff table: what was compared with what, the row counts, the schema
// changes and, when the list was cut, how much of it is listed.
class DiffBanner : public QFrame {
    Q_OBJECT
public:
    explicit DiffBanner(QWidget *parent = nullptr);

    void setComparison(const DatasetComparison &comparison);
    void clear();

    QString countsText() const;
    QString schemaText() const;
    QString noteText() const;

private:
    QLabel *m_counts;
    QLabel *m_schema;
    QLabel *m_note;
};

} // namespace assay::ui
