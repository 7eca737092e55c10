#include "runs/run_column_chooser.h"

#include "runs/runs_snapshot.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace assay::ui {

namespace {
constexpr int columnIdRole = Qt::UserRole + 1;
} // namespace

RunColumnChooser::RunColumnChooser(const RunsSnapshot &snapshot, const QList<RunColumn> &chosen,
                                   QWidget *parent)
    : QFrame(parent, Qt::Popup), m_search(new QLineEdit(this)), m_keys(new QTreeWidget(this)),
      m_initial(chosen), m_chosen(chosen)
{
    setObjectName(QStringLiteral("runColumnChooser"));
    setAttribute(Qt::WA_DeleteOnClose);
    setFrameShape(QFrame::StyledPanel);
    m_search->setPlaceholderText(tr("Search keys"));
    m_search->setClearButtonEnabled(true);
    m_keys->setHeaderHidden(true);
    m_keys->setUniformRowHeights(true);
    m_keys->setRootIsDecorated(true);

    m_filling = true;
    addGroup(tr("Params"), RunColumn::Kind::Param, snapshot.paramKeys);
    addGroup(tr("Metrics"), RunColumn::Kind::Metric, snapshot.metricKeys);
    addGroup(tr("Tags"), RunColumn::Kind::Tag, snapshot.tagKeys);
    m_filling = false;
    m_keys->expandAll();

    auto *defaults = new QPushButton(tr("Default Columns"), this);
    auto *none = new QPushButton(tr("None"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(defaults);
    buttons->addWidget(none);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_search);
    layout->addWidget(m_keys, 1);
    layout->addLayout(buttons);
    resize(320, 420);

    connect(m_search, &QLineEdit::textChanged, this, &RunColumnChooser::applySearch);
    connect(m_keys, &QTreeWidget::itemChanged, this, &RunColumnChooser::onItemChanged);
    connect(defaults, &QPushButton::clicked, this, [this] {
        emit defaultRequested();
        close();
    });
    connect(none, &QPushButton::clicked, this, [this] {
        m_chosen.clear();
        m_filling = true;
        for (int i = 0; i < m_keys->topLevelItemCount(); ++i)
            m_keys->topLevelItem(i)->setCheckState(0, Qt::Unchecked);
        m_filling = false;
        emit columnsChanged(m_chosen);
    });
}

void RunColumnChooser::addGroup(const QString &title, RunColumn::Kind kind, const QStringList &keys)
{
    if (keys.isEmpty())
        return;
    auto *group = new QTreeWidgetItem(m_keys, {tr("%1 (%2)").arg(title).arg(keys.size())});
    group->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
    for (const QString &key : keys) {
        const RunColumn column{kind, key};
        auto *item = new QTreeWidgetItem(group, {key});
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setData(0, columnIdRole, column.id());
        item->setCheckState(0, m_chosen.contains(column) ? Qt::Checked : Qt::Unchecked);
    }
}

QList<RunColumn> RunColumnChooser::chosen() const
{
    return m_chosen;
}

void RunColumnChooser::setSearch(const QString &text)
{
    m_search->setText(text);
}

void RunColumnChooser::popUpBelow(QWidget *anchor)
{
    move(anchor->mapToGlobal(QPoint(anchor->width() - width(), anchor->height())));
    show();
    m_search->setFocus();
}

void RunColumnChooser::applySearch()
{
    const QString needle = m_search->text().trimmed();
    for (int g = 0; g < m_keys->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_keys->topLevelItem(g);
        int shown = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const bool matches =
                needle.isEmpty() || item->text(0).contains(needle, Qt::CaseInsensitive);
            item->setHidden(!matches);
            shown += matches ? 1 : 0;
        }
        group->setHidden(shown == 0);
    }
}

void RunColumnChooser::onItemChanged(QTreeWidgetItem *item)
{
    if (m_filling || item->parent() == nullptr)
        return;
    const auto column = RunColumn::fromId(item->data(0, columnIdRole).toString());
    if (!column)
        return;
    const bool checked = item->checkState(0) == Qt::Checked;
    if (checked == m_chosen.contains(*column))
        return;
    if (checked) {
        m_chosen.append(*column);
    } else {
        m_chosen.removeAll(*column);
    }
    // Checking a group checks each of its keys: one change for all of them.
    if (m_changePending)
        return;
    m_changePending = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_changePending = false;
            emit columnsChanged(m_chosen);
        },
        Qt::QueuedConnection);
}

} // namespace assay::ui
