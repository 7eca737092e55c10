#include "runs/runs_table_layout.h"

#include "runs/runs_snapshot.h"
#include "track/run_filter.h"

#include <algorithm>
#include <unordered_map>

namespace assay::ui {

namespace {

class LayoutBuilder {
public:
    LayoutBuilder(const RunsSnapshot &snapshot, const RunsTableOptions &options, qint64 nowMs)
        : m_snapshot(snapshot), m_options(options), m_nowMs(nowMs)
    {
    }

    RunsTableLayout build()
    {
        const std::vector<std::size_t> shown = selectRuns();
        computeSortKeys(shown);
        const std::vector<std::size_t> roots = nest(shown);
        if (m_options.groupBy)
            addGroups(roots);
        else
            m_layout.topLevel = addRuns(roots, -1);
        return std::move(m_layout);
    }

private:
    std::vector<std::size_t> selectRuns()
    {
        std::vector<std::size_t> shown;
        shown.reserve(m_snapshot.runs.size());
        const std::string experiment = m_options.experiment.toStdString();
        for (std::size_t i = 0; i < m_snapshot.runs.size(); ++i) {
            const track::RunRecord &run = m_snapshot.runs[i];
            if (run.info.deleted && !m_options.showDeleted)
                continue;
            if (!experiment.empty() && run.info.experiment != experiment)
                continue;
            ++m_layout.runsInScope;
            if (m_options.filter && !track::matchesFilter(*m_options.filter, run))
                continue;
            if (!m_options.showHidden && !m_options.hidden.isEmpty() &&
                m_options.hidden.contains(QString::fromStdString(run.info.runId)))
                continue;
            shown.push_back(i);
            m_layout.hasRunning =
                m_layout.hasRunning || run.info.status == track::RunStatus::Running;
        }
        m_layout.runsShown = static_cast<int>(shown.size());
        return shown;
    }

    void computeSortKeys(const std::vector<std::size_t> &shown)
    {
        m_pinned.assign(m_snapshot.runs.size(), false);
        for (const std::size_t index : shown) {
            if (!m_options.pinned.isEmpty())
                m_pinned[index] = m_options.pinned.contains(
                    QString::fromStdString(m_snapshot.runs[index].info.runId));
        }
        if (!m_options.sortColumn)
            return;
        m_keys.resize(m_snapshot.runs.size());
        for (const std::size_t index : shown)
            m_keys[index] = runSortKey(m_snapshot.runs[index], *m_options.sortColumn, m_nowMs);
    }

    // Runs whose parent is shown become its children; the rest are returned as roots.
    // A parent chain that loops back leaves its runs at the top level.
    std::vector<std::size_t> nest(const std::vector<std::size_t> &shown)
    {
        std::unordered_map<std::string, std::size_t> shownById;
        for (const std::size_t index : shown) {
            if (m_snapshot.runs[index].info.parentRunId)
                m_hasNested = true;
        }
        if (!m_hasNested)
            return shown;
        shownById.reserve(shown.size());
        for (const std::size_t index : shown)
            shownById.emplace(m_snapshot.runs[index].info.runId, index);
        const auto shownParent = [&](std::size_t index) -> std::optional<std::size_t> {
            const auto &parent = m_snapshot.runs[index].info.parentRunId;
            if (!parent)
                return std::nullopt;
            const auto found = shownById.find(*parent);
            if (found == shownById.end() || found->second == index)
                return std::nullopt;
            return found->second;
        };
        std::vector<std::size_t> roots;
        for (const std::size_t index : shown) {
            const auto parent = shownParent(index);
            bool loops = false;
            std::size_t steps = 0;
            for (auto up = parent; up && !loops; up = shownParent(*up))
                loops = *up == index || ++steps > shown.size();
            if (parent && !loops)
                m_childrenOf[*parent].push_back(index);
            else
                roots.push_back(index);
        }
        return roots;
    }

    void sortSiblings(std::vector<std::size_t> &runs) const
    {
        const bool sorted = m_options.sortColumn.has_value();
        const bool descending = m_options.descending;
        std::stable_sort(runs.begin(), runs.end(), [&](std::size_t a, std::size_t b) {
            if (m_pinned[a] != m_pinned[b])
                return bool(m_pinned[a]);
            if (sorted) {
                const int order = compareSortKeys(m_keys[a], m_keys[b], descending);
                if (order != 0)
                    return order < 0;
            }
            return a < b;
        });
    }

    std::vector<int> addRuns(std::vector<std::size_t> runs, int parent)
    {
        sortSiblings(runs);
        std::vector<int> rows;
        rows.reserve(runs.size());
        for (const std::size_t index : runs) {
            const int node = static_cast<int>(m_layout.nodes.size());
            RunsTableNode entry;
            entry.kind = RunsTableNode::Kind::Run;
            entry.parent = parent;
            entry.row = static_cast<int>(rows.size());
            entry.run = index;
            m_layout.nodes.push_back(std::move(entry));
            rows.push_back(node);
            if (m_hasNested) {
                if (const auto children = m_childrenOf.find(index); children != m_childrenOf.end())
                    m_layout.nodes[static_cast<std::size_t>(node)].children =
                        addRuns(children->second, node);
            }
        }
        return rows;
    }

    void addGroups(const std::vector<std::size_t> &roots)
    {
        std::vector<RunGroup> groups = groupRuns(m_snapshot, roots, *m_options.groupBy);
        if (m_options.sortColumn && *m_options.sortColumn == *m_options.groupBy &&
            m_options.descending) {
            const bool lastMissing = !groups.empty() && groups.back().missing;
            std::reverse(groups.begin(), groups.end() - (lastMissing ? 1 : 0));
        }
        for (RunGroup &members : groups) {
            const int node = static_cast<int>(m_layout.nodes.size());
            RunsTableNode entry;
            entry.kind = RunsTableNode::Kind::Group;
            entry.row = static_cast<int>(m_layout.topLevel.size());
            entry.group = static_cast<int>(m_layout.groups.size());
            m_layout.nodes.push_back(std::move(entry));
            m_layout.topLevel.push_back(node);

            RunsTableGroup group;
            for (const RunColumn &column : m_options.aggregated)
                group.aggregates.push_back(
                    aggregateMetric(m_snapshot, members.runs, column.key.toStdString()));
            std::vector<std::size_t> runs = members.runs;
            group.members = std::move(members);
            m_layout.groups.push_back(std::move(group));
            m_layout.nodes[static_cast<std::size_t>(node)].children =
                addRuns(std::move(runs), node);
        }
    }

    const RunsSnapshot &m_snapshot;
    const RunsTableOptions &m_options;
    qint64 m_nowMs;
    RunsTableLayout m_layout;
    std::vector<RunSortKey> m_keys; // by snapshot index, for shown runs
    std::vector<char> m_pinned;     // by snapshot index
    bool m_hasNested = false;
    std::unordered_map<std::size_t, std::vector<std::size_t>> m_childrenOf;
};

} // namespace

RunsTableLayout buildRunsTableLayout(const RunsSnapshot &snapshot, const RunsTableOptions &options,
                                     qint64 nowMs)
{
    return LayoutBuilder(snapshot, options, nowMs).build();
}

} // namespace assay::ui
