#pragma once

#include <QWidget>

class QStackedWidget;
class QTableView;

namespace assay::ui {

class EmptyState;
class ModelTestsModel;
class VerdictBanner;
struct ModelResults;

// The Tests tab: a verdict ("All 6 tests pass" / "2 of 6 tests fail") over the table of the
// stored `assay test` results; an empty state says how to test a model that never was.
class ModelTestsView : public QWidget {
    Q_OBJECT
public:
    explicit ModelTestsView(QWidget *parent = nullptr);

    void showResults(const ModelResults &results);
    ModelTestsModel *model() const { return m_model; }
    VerdictBanner *banner() const { return m_banner; }
    bool isShowingEmptyState() const;

private:
    QStackedWidget *m_stack;
    QWidget *m_page;
    VerdictBanner *m_banner;
    ModelTestsModel *m_model;
    QTableView *m_table;
    EmptyState *m_empty;
};

} // namespace assay::ui
