#include "models/models_list_model.h"

#include "common/format.h"
#include "common/theme.h"
#include "runs/run_cell_text.h"
#include "runs/run_palette.h"
#include "runs/run_swatch.h"

#include <QDateTime>
#include <QGuiApplication>

namespace assay::ui {

QString formatHeadline(const ModelRunSummary &model)
{
    if (!model.hasHeadline())
        return {};
    QString text = formatNumber(model.headlineValue);
    if (model.headlineStd)
        text += QStringLiteral(" ± ") + formatNumber(*model.headlineStd, 2);
    return text;
}

ModelsListModel::ModelsListModel(QObject *parent) : QAbstractTableModel(parent) {}

void ModelsListModel::setModels(std::vector<ModelRunSummary> models)
{
    beginResetModel();
    m_models = std::move(models);
    endResetModel();
}

int ModelsListModel::rowOf(const QString &runId) const
{
    for (std::size_t row = 0; row < m_models.size(); ++row) {
        if (m_models[row].runId == runId)
            return int(row);
    }
    return -1;
}

int ModelsListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_models.size());
}

int ModelsListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelsListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ModelColumn:
        return tr("Model");
    case TaskColumn:
        return tr("Task");
    case TargetColumn:
        return tr("Target");
    case MetricColumn:
        return tr("Metric");
    case ValueColumn:
        return tr("Value");
    case TestsColumn:
        return tr("Tests");
    case StatusColumn:
        return tr("Status");
    case StartedColumn:
        return tr("Started");
    default:
        return {};
    }
}

QVariant ModelsListModel::displayText(const ModelRunSummary &model, int column) const
{
    switch (column) {
    case NameColumn:
        return model.name.isEmpty() ? model.runId.left(8) : model.name;
    case ModelColumn:
        return model.modelType;
    case TaskColumn:
        return model.task;
    case TargetColumn:
        return model.target;
    case MetricColumn:
        if (!model.hasHeadline())
            return QString();
        return QStringLiteral("%1 %2").arg(model.headlinePart, model.headlineMetric);
    case ValueColumn:
        return formatHeadline(model);
    case TestsColumn:
        if (!model.hasTests())
            return QString();
        if (*model.testsFailed == 0)
            return tr("%1 pass").arg(*model.testsPassed);
        return tr("%1 of %2 fail")
            .arg(*model.testsFailed)
            .arg(*model.testsPassed + *model.testsFailed);
    case StatusColumn:
        return QString::fromUtf8(track::statusName(model.status)).toLower();
    case StartedColumn:
        return model.startMs ? formatRunStart(*model.startMs) : QString();
    default:
        return {};
    }
}

QVariant ModelsListModel::sortValue(const ModelRunSummary &model, int column) const
{
    switch (column) {
    case ValueColumn:
        return model.hasHeadline() ? QVariant(model.headlineValue) : QVariant();
    case StartedColumn:
        return model.startMs ? QVariant(*model.startMs) : QVariant();
    case TestsColumn:
        return model.hasTests() ? QVariant(-*model.testsFailed) : QVariant();
    default:
        return displayText(model, column);
    }
}

QVariant ModelsListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const ModelRunSummary &model = m_models[std::size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayText(model, column);
    case SortRole:
        return sortValue(model, column);
    case RunIdRole:
        return model.runId;
    case Qt::TextAlignmentRole:
        if (column == ValueColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DecorationRole:
        if (column == NameColumn)
            return runSwatch(runColor(model.runId));
        if (column == StatusColumn)
            return statusDot(runStatusTone(model.status), QGuiApplication::palette());
        if (column == TestsColumn && model.hasTests())
            return statusDot(*model.testsFailed == 0 ? StatusTone::Ok : StatusTone::Failed,
                             QGuiApplication::palette());
        return {};
    case Qt::ToolTipRole:
        if (column == ValueColumn && model.hasHeadline())
            return QStringLiteral("%1 = %2").arg(model.headlineKey,
                                                 formatNumberFull(model.headlineValue));
        if (column == StartedColumn && model.startMs)
            return describeRunStart(*model.startMs, QDateTime::currentMSecsSinceEpoch());
        if (column == MetricColumn && model.headlinePart == QLatin1String("cv"))
            return tr("%1: mean ± std over %2 folds").arg(model.headlineMetric).arg(model.folds);
        if (column == NameColumn)
            return tr("Run %1").arg(model.runId);
        return {};
    default:
        return {};
    }
}

} // namespace assay::ui
