#include "govern/model_versions_model.h"

#include "govern/stage_style.h"
#include "runs/run_cell_text.h"
#include "runs/run_palette.h"
#include "runs/run_swatch.h"

#include <QDateTime>
#include <QGuiApplication>

#include <algorithm>

namespace assay::ui {

ModelVersionsModel::ModelVersionsModel(QObject *parent) : QAbstractTableModel(parent) {}

void ModelVersionsModel::setVersions(std::vector<govern::ModelVersion> versions)
{
    std::sort(versions.begin(), versions.end(),
              [](const auto &a, const auto &b) { return a.version > b.version; });
    beginResetModel();
    m_versions = std::move(versions);
    endResetModel();
}

int ModelVersionsModel::rowOf(int version) const
{
    for (std::size_t row = 0; row < m_versions.size(); ++row) {
        if (m_versions[row].version == version)
            return int(row);
    }
    return -1;
}

int ModelVersionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_versions.size());
}

int ModelVersionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelVersionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case VersionColumn:
        return tr("Version");
    case StageColumn:
        return tr("Stage");
    case AliasesColumn:
        return tr("Aliases");
    case RunColumn:
        return tr("Run");
    case CreatedColumn:
        return tr("Created");
    case ByColumn:
        return tr("By");
    default:
        return {};
    }
}

QVariant ModelVersionsModel::displayText(const govern::ModelVersion &version, int column) const
{
    switch (column) {
    case VersionColumn:
        return tr("v%1").arg(version.version);
    case StageColumn:
        return stageWord(version.stage);
    case AliasesColumn: {
        QStringList aliases;
        for (const std::string &alias : version.aliases)
            aliases << QStringLiteral("@") + QString::fromStdString(alias);
        return aliases.join(QStringLiteral(", "));
    }
    case RunColumn:
        return QString::fromStdString(version.runId).left(8);
    case CreatedColumn:
        return formatRunStart(version.createdMs);
    case ByColumn:
        return QString::fromStdString(version.createdBy);
    default:
        return {};
    }
}

QVariant ModelVersionsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const govern::ModelVersion &version = m_versions[std::size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayText(version, column);
    case SortRole:
        if (column == VersionColumn)
            return version.version;
        if (column == StageColumn)
            return int(version.stage);
        if (column == CreatedColumn)
            return qlonglong(version.createdMs);
        return displayText(version, column);
    case VersionRole:
        return version.version;
    case Qt::TextAlignmentRole:
        if (column == VersionColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DecorationRole:
        if (column == StageColumn)
            return statusDot(stageTone(version.stage), QGuiApplication::palette());
        if (column == RunColumn && !version.runId.empty())
            return runSwatch(runColor(QString::fromStdString(version.runId)));
        return {};
    case Qt::ForegroundRole:
        if (column == RunColumn && !version.runId.empty())
            return runColor(QString::fromStdString(version.runId));
        return {};
    case Qt::ToolTipRole:
        if (column == RunColumn)
            return tr("Run %1\nmodel md5 %2\ncommit %3")
                .arg(QString::fromStdString(version.runId), QString::fromStdString(version.modelMd5),
                     QString::fromStdString(version.gitCommit));
        if (column == CreatedColumn)
            return describeRunStart(version.createdMs, QDateTime::currentMSecsSinceEpoch());
        if (column == VersionColumn && !version.description.empty())
            return QString::fromStdString(version.description);
        return {};
    default:
        return {};
    }
}

} // namespace assay::ui
