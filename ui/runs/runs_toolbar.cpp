#include "runs/runs_toolbar.h"

#include "common/format.h"
#include "common/theme.h"
#include "runs/run_filter_box.h"
#include "runs/runs_snapshot.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

namespace assay::ui {

namespace {

QToolButton *toggleButton(const QString &text, const QString &tip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setCheckable(true);
    button->setAutoRaise(true);
    return button;
}

} // namespace

RunsToolbar::RunsToolbar(QWidget *parent)
    : QWidget(parent), m_experiment(new QComboBox(this)), m_filter(new RunFilterBox(this)),
      m_count(new QLabel(this)), m_columns(new QToolButton(this)), m_groupBy(new QComboBox(this)),
      m_showHidden(toggleButton(tr("Show Hidden"), tr("Show the runs you hid, greyed"), this)),
      m_showDeleted(toggleButton(tr("Show Deleted"), tr("Show deleted runs, struck out"), this)),
      m_more(new QToolButton(this)), m_error(new QLabel(this))
{
    m_experiment->setObjectName(QStringLiteral("experimentPicker"));
    m_experiment->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_experiment->addItem(tr("All experiments"), QString());
    m_groupBy->setObjectName(QStringLiteral("groupByPicker"));
    m_groupBy->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_groupBy->addItem(tr("No grouping"), QString());
    m_count->setObjectName(QStringLiteral("runCount"));
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_columns->setObjectName(QStringLiteral("columnChooserButton"));
    m_columns->setText(tr("Columns…"));
    m_columns->setToolTip(tr("Choose the params, metrics and tags the table shows"));
    m_columns->setAutoRaise(true);
    m_more->setText(tr("More"));
    m_more->setPopupMode(QToolButton::InstantPopup);
    m_more->setAutoRaise(true);
    auto *menu = new QMenu(m_more);
    menu->addAction(tr("Import MLflow Store…"), this, &RunsToolbar::importRequested);
    menu->addAction(tr("Export CSV…"), this, &RunsToolbar::exportRequested);
    menu->addSeparator();
    menu->addAction(tr("Refresh"), this, &RunsToolbar::refreshRequested);
    m_more->setMenu(menu);

    m_error->setObjectName(QStringLiteral("filterError"));
    m_error->setVisible(false);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, statusColor(StatusTone::Failed, palette()));
    m_error->setPalette(errorPalette);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_experiment);
    row->addWidget(m_filter, 1);
    row->addWidget(m_count);
    row->addSpacing(8);
    row->addWidget(m_columns);
    row->addWidget(new QLabel(tr("Group by"), this));
    row->addWidget(m_groupBy);
    row->addWidget(m_showHidden);
    row->addWidget(m_showDeleted);
    row->addWidget(m_more);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 4);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_error);

    connect(m_experiment, &QComboBox::currentIndexChanged, this,
            [this] { emit experimentChanged(experiment()); });
    connect(m_groupBy, &QComboBox::currentIndexChanged, this, [this] {
        m_pendingGroupBy.clear();
        emit groupByChanged(groupBy());
    });
    connect(m_columns, &QToolButton::clicked, this, &RunsToolbar::columnsRequested);
    connect(m_showHidden, &QToolButton::toggled, this, &RunsToolbar::showHiddenToggled);
    connect(m_showDeleted, &QToolButton::toggled, this, &RunsToolbar::showDeletedToggled);
    connect(m_filter, &RunFilterBox::errorChanged, this, [this](const QString &message) {
        m_error->setText(message);
        m_error->setVisible(!message.isEmpty());
    });
}

void RunsToolbar::setSnapshot(const RunsSnapshot &snapshot)
{
    m_filter->setKeys(snapshot);

    const QString experiment = this->experiment();
    QSignalBlocker blockExperiments(m_experiment);
    while (m_experiment->count() > 1)
        m_experiment->removeItem(1);
    for (const QString &name : snapshot.experiments)
        m_experiment->addItem(name, name);
    const int keptExperiment = m_experiment->findData(experiment);
    m_experiment->setCurrentIndex(std::max(0, keptExperiment));
    blockExperiments.unblock();
    if (keptExperiment < 0 && !experiment.isEmpty())
        emit experimentChanged({});

    const QString grouped =
        m_pendingGroupBy.isEmpty() ? m_groupBy->currentData().toString() : m_pendingGroupBy;
    QSignalBlocker blockGroups(m_groupBy);
    while (m_groupBy->count() > 1)
        m_groupBy->removeItem(1);
    for (const RunColumn::Kind kind :
         {RunColumn::Kind::Status, RunColumn::Kind::Experiment, RunColumn::Kind::User}) {
        const RunColumn column{kind, {}};
        m_groupBy->addItem(column.header(), column.id());
    }
    for (const QString &key : snapshot.paramKeys)
        m_groupBy->addItem(QStringLiteral("params.") + key,
                           RunColumn{RunColumn::Kind::Param, key}.id());
    for (const QString &key : snapshot.tagKeys)
        m_groupBy->addItem(QStringLiteral("tags.") + key,
                           RunColumn{RunColumn::Kind::Tag, key}.id());
    const int keptGroup = m_groupBy->findData(grouped);
    const bool changed =
        (keptGroup < 0 && !grouped.isEmpty()) || (keptGroup >= 0 && grouped == m_pendingGroupBy);
    m_groupBy->setCurrentIndex(std::max(0, keptGroup));
    blockGroups.unblock();
    m_pendingGroupBy.clear();
    if (changed)
        emit groupByChanged(groupBy());
}

void RunsToolbar::setCounts(int inScope, int shown)
{
    m_count->setText(
        tr("%1 runs · %2 shown")
            .arg(formatCount(std::uint64_t(inScope)), formatCount(std::uint64_t(shown))));
}

QString RunsToolbar::experiment() const
{
    return m_experiment->currentData().toString();
}

std::optional<RunColumn> RunsToolbar::groupBy() const
{
    const QString id = m_groupBy->currentData().toString();
    return id.isEmpty() ? std::nullopt : RunColumn::fromId(id);
}

bool RunsToolbar::setGroupBy(const QString &columnId)
{
    const int index = m_groupBy->findData(columnId);
    if (index < 0) {
        m_pendingGroupBy = columnId; // applied when a snapshot brings the key
        return false;
    }
    m_groupBy->setCurrentIndex(index);
    return true;
}

} // namespace assay::ui
