#include "runs/run_comparison_model.h"

#include "common/format.h"
#include "common/theme.h"
#include "runs/run_comparison_field.h"
#include "runs/run_palette.h"

#include <QApplication>
#include <QDateTime>
#include <QFont>
#include <QPainter>
#include <QPixmap>

#include <cmath>

namespace assay::ui {

namespace {

constexpr ComparisonSection kSections[] = {
    ComparisonSection::Metrics, ComparisonSection::Params,   ComparisonSection::Run,
    ComparisonSection::Tags,    ComparisonSection::Datasets, ComparisonSection::Artifacts};

QIcon colorSwatch(const QColor &color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(130));
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(1.5, 1.5, 9, 9), 2, 2);
    return QIcon(pixmap);
}

QFont boldFont()
{
    QFont font = QApplication::font();
    font.setBold(true);
    return font;
}

QColor sectionBackground(const QPalette &palette)
{
    QColor text = palette.color(QPalette::Text);
    text.setAlpha(isDarkPalette(palette) ? 40 : 18);
    return text;
}

} // namespace

RunComparisonModel::RunComparisonModel(QObject *parent) : QAbstractTableModel(parent) {}

void RunComparisonModel::setRuns(std::vector<track::RunRecord> runs,
                                 std::map<std::string, QString> runNames, bool detailsPending)
{
    beginResetModel();
    m_runs = std::move(runs);
    m_runNames = std::move(runNames);
    m_detailsPending = detailsPending;
    m_baseline = 0;
    rebuildRows();
    endResetModel();
}

void RunComparisonModel::setRunDetails(const std::vector<track::RunRecord> &records)
{
    beginResetModel();
    for (track::RunRecord &run : m_runs) {
        for (const track::RunRecord &record : records) {
            if (record.info.runId != run.info.runId)
                continue;
            run.datasets = record.datasets;
            run.artifacts = record.artifacts;
        }
    }
    m_detailsPending = false;
    rebuildRows();
    endResetModel();
}

void RunComparisonModel::setBaseline(int runColumn)
{
    if (runColumn < 0 || runColumn >= columnCount() || runColumn == m_baseline)
        return;
    m_baseline = runColumn;
    markMetrics();
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

void RunComparisonModel::setDifferencesOnly(bool only)
{
    if (only == m_differencesOnly)
        return;
    beginResetModel();
    m_differencesOnly = only;
    layOutRows();
    endResetModel();
}

int RunComparisonModel::differingRowCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(),
                             [](const ComparisonRow &row) { return row.differs; }));
}

int RunComparisonModel::rowOf(ComparisonSection section, const QString &key) const
{
    for (std::size_t row = 0; row < m_shown.size(); ++row) {
        const ShownRow &shown = m_shown[row];
        if (shown.field >= 0 && shown.section == section &&
            m_rows[std::size_t(shown.field)].key == key)
            return int(row);
    }
    return -1;
}

const ComparisonRow *RunComparisonModel::fieldAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return nullptr;
    const int field = m_shown[std::size_t(row)].field;
    return field < 0 ? nullptr : &m_rows[std::size_t(field)];
}

void RunComparisonModel::rebuildRows()
{
    m_rows = buildComparisonRows(m_runs, m_runNames, QDateTime::currentMSecsSinceEpoch());
    markMetrics();
    layOutRows();
}

void RunComparisonModel::markMetrics()
{
    m_marks.assign(m_rows.size(), {});
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const ComparisonRow &row = m_rows[i];
        if (row.section != ComparisonSection::Metrics)
            continue;
        MetricMarks &marks = m_marks[i];
        marks.goal = track::metricGoal(row.key.toStdString());
        std::vector<double> values;
        for (const ComparisonCell &cell : row.cells)
            values.push_back(cell.present ? cell.number : std::nan(""));
        marks.best = bestValues(values, marks.goal);
        const double baseline = values[std::size_t(m_baseline)];
        for (double value : values) {
            marks.deltas.push_back(metricDelta(value, baseline, marks.goal));
            marks.deltaTexts.push_back(deltaText(marks.deltas.back()));
        }
    }
}

void RunComparisonModel::layOutRows()
{
    m_shown.clear();
    for (ComparisonSection section : kSections) {
        const std::size_t titleAt = m_shown.size();
        m_shown.push_back({section, -1});
        for (std::size_t i = 0; i < m_rows.size(); ++i)
            if (m_rows[i].section == section && (!m_differencesOnly || m_rows[i].differs))
                m_shown.push_back({section, int(i)});
        const bool loading = m_detailsPending && section == ComparisonSection::Datasets;
        if (m_shown.size() == titleAt + 1 && !loading)
            m_shown.pop_back();
    }
}

int RunComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

int RunComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

QVariant RunComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ShownRow &shown = m_shown[std::size_t(index.row())];
    if (shown.field < 0)
        return sectionData(role);
    return fieldData(m_rows[std::size_t(shown.field)], shown.field, index.column(), role);
}

QVariant RunComparisonModel::sectionData(int role) const
{
    switch (role) {
    case IsSectionRole:
        return true;
    case Qt::BackgroundRole:
        return sectionBackground(QApplication::palette());
    case DiffersRole:
        return false;
    default:
        return {};
    }
}

QVariant RunComparisonModel::fieldData(const ComparisonRow &row, int field, int column,
                                       int role) const
{
    const ComparisonCell &cell = row.cells[std::size_t(column)];
    const MetricMarks &marks = m_marks[std::size_t(field)];
    const bool isMetric = !marks.deltas.empty();
    const bool showsDelta = isMetric && column != m_baseline && cell.present &&
                            marks.deltas[std::size_t(column)].verdict != MetricVerdict::Unknown;
    const bool best = isMetric && marks.best[std::size_t(column)];
    switch (role) {
    case Qt::DisplayRole:
        if (!cell.present)
            return QStringLiteral("—");
        if (showsDelta)
            return cell.display + QStringLiteral("  ") + marks.deltaTexts[std::size_t(column)];
        return cell.display;
    case Qt::ToolTipRole:
        return cellToolTip(row, field, column);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignVCenter |
                                   (row.numeric ? Qt::AlignRight : Qt::AlignLeft));
    case Qt::DecorationRole:
        if (cell.tone)
            return statusDot(*cell.tone, QApplication::palette());
        return {};
    case Qt::FontRole:
        if (best)
            return boldFont();
        return {};
    case Qt::BackgroundRole:
        if (best)
            return statusTint(StatusTone::Ok, QApplication::palette());
        return {};
    case Qt::ForegroundRole:
        if (!cell.present)
            return mutedTextColor(QApplication::palette());
        return {};
    case ValueRole:
        if (cell.present && cell.numeric)
            return cell.number;
        return {};
    case DeltaRole:
        if (showsDelta)
            return marks.deltas[std::size_t(column)].absolute;
        return {};
    case DeltaPercentRole:
        if (showsDelta)
            return marks.deltas[std::size_t(column)].percent;
        return {};
    case DeltaTextRole:
        if (showsDelta)
            return marks.deltaTexts[std::size_t(column)];
        return {};
    case VerdictRole:
        if (showsDelta)
            return int(marks.deltas[std::size_t(column)].verdict);
        return {};
    case BestRole:
        return best;
    case IsSectionRole:
        return false;
    case DiffersRole:
        return row.differs;
    case ExactRole:
        return cell.present ? cell.exact : QString();
    case TwoLineRole:
        return isMetric;
    default:
        return {};
    }
}

QString RunComparisonModel::cellToolTip(const ComparisonRow &row, int field, int column) const
{
    const ComparisonCell &cell = row.cells[std::size_t(column)];
    const QString run = runLabel(m_runs[std::size_t(column)].info);
    if (!cell.present)
        return tr("%1 has no %2").arg(run, row.label);
    QStringList lines{cell.numeric ? formatNumberFull(cell.number) : cell.exact};
    if (row.section == ComparisonSection::Run && !cell.numeric)
        lines = QStringList{cell.display};
    if (!cell.detail.isEmpty())
        lines << cell.detail;
    const MetricMarks &marks = m_marks[std::size_t(field)];
    if (!marks.deltas.empty()) {
        const MetricDelta &delta = marks.deltas[std::size_t(column)];
        const QString baseline = runLabel(m_runs[std::size_t(m_baseline)].info);
        if (column == m_baseline)
            lines << tr("baseline");
        else if (delta.verdict != MetricVerdict::Unknown) {
            const QString verdict = delta.verdict == MetricVerdict::Better  ? tr("better")
                                    : delta.verdict == MetricVerdict::Worse ? tr("worse")
                                                                            : tr("the same");
            lines << tr("%1 vs baseline %2: %3 (%4)")
                         .arg(marks.deltaTexts[std::size_t(column)], baseline, verdict,
                              goalText(marks.goal));
        }
        if (marks.best[std::size_t(column)])
            lines << tr("best (%1)").arg(goalText(marks.goal));
    }
    return lines.join(u'\n');
}

QString RunComparisonModel::sectionHeader(ComparisonSection section) const
{
    if (section == ComparisonSection::Datasets && m_detailsPending)
        return tr("%1 · loading…").arg(sectionTitle(section));
    int total = 0, differing = 0;
    for (const ComparisonRow &row : m_rows) {
        if (row.section != section)
            continue;
        ++total;
        differing += row.differs ? 1 : 0;
    }
    return tr("%1 · %2 of %3 differ").arg(sectionTitle(section)).arg(differing).arg(total);
}

QVariant RunComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal)
        return section >= 0 && section < columnCount() ? runHeader(section, role) : QVariant();
    return section >= 0 && section < rowCount() ? rowHeader(m_shown[std::size_t(section)], role)
                                                : QVariant();
}

QVariant RunComparisonModel::runHeader(int column, int role) const
{
    const track::RunInfo &info = m_runs[std::size_t(column)].info;
    switch (role) {
    case Qt::DisplayRole:
        return column == m_baseline ? tr("%1 (baseline)").arg(runLabel(info)) : runLabel(info);
    case Qt::DecorationRole:
        return colorSwatch(runColor(QString::fromStdString(info.runId)));
    case Qt::ToolTipRole:
        return tr("%1\n%2 · experiment %3")
            .arg(runLabel(info), QString::fromStdString(info.runId),
                 QString::fromStdString(info.experiment));
    case Qt::FontRole:
        if (column == m_baseline)
            return boldFont();
        return {};
    default:
        return {};
    }
}

QVariant RunComparisonModel::rowHeader(const ShownRow &shown, int role) const
{
    if (shown.field < 0) {
        if (role == Qt::DisplayRole)
            return sectionHeader(shown.section);
        if (role == Qt::FontRole)
            return boldFont();
        return {};
    }
    const ComparisonRow &row = m_rows[std::size_t(shown.field)];
    const MetricMarks &marks = m_marks[std::size_t(shown.field)];
    const bool isMetric = !marks.deltas.empty();
    switch (role) {
    case Qt::DisplayRole:
        if (isMetric)
            return row.label + (marks.goal == track::MetricGoal::Minimize ? QStringLiteral("  ↓")
                                                                          : QStringLiteral("  ↑"));
        return row.label;
    case Qt::ToolTipRole:
        if (isMetric)
            return tr("%1: %2").arg(row.key, goalText(marks.goal));
        return row.key;
    case Qt::ForegroundRole:
        if (!row.differs)
            return mutedTextColor(QApplication::palette());
        return {};
    default:
        return {};
    }
}

} // namespace assay::ui
