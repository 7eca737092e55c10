#include "runs/run_cell_text.h"

#include "common/format.h"

#include <QDateTime>

namespace assay::ui {

QString formatRunDuration(qint64 milliseconds)
{
    if (milliseconds < 0)
        return QStringLiteral("—");
    if (milliseconds < 1000)
        return QStringLiteral("%1 ms").arg(milliseconds);
    if (milliseconds < 60'000)
        return QStringLiteral("%1 s").arg(QString::number(milliseconds / 1000.0, 'f', 1));
    const qint64 seconds = milliseconds / 1000;
    if (seconds < 3600)
        return QStringLiteral("%1 min %2 s")
            .arg(seconds / 60)
            .arg(seconds % 60, 2, 10, QChar(u'0'));
    if (seconds < 86400)
        return QStringLiteral("%1 h %2 min")
            .arg(seconds / 3600)
            .arg((seconds % 3600) / 60, 2, 10, QChar(u'0'));
    return QStringLiteral("%1 d %2 h").arg(seconds / 86400).arg((seconds % 86400) / 3600);
}

QString formatRunStart(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString describeRunStart(qint64 epochMs, qint64 nowMs)
{
    return QStringLiteral("%1 (%2)").arg(
        QDateTime::fromMSecsSinceEpoch(epochMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
        formatRelativeTime(epochMs / 1000, nowMs / 1000));
}

StatusTone runStatusTone(track::RunStatus status)
{
    switch (status) {
    case track::RunStatus::Running:
        return StatusTone::Warning;
    case track::RunStatus::Finished:
        return StatusTone::Ok;
    case track::RunStatus::Failed:
        return StatusTone::Failed;
    case track::RunStatus::Scheduled:
    case track::RunStatus::Killed:
        break;
    }
    return StatusTone::Unknown;
}

QString shortCommit(const track::RunInfo &info)
{
    if (!info.gitCommit || info.gitCommit->empty())
        return {};
    QString text = QString::fromStdString(info.gitCommit->substr(0, 8));
    if (info.gitDirty.value_or(false))
        text += u'+';
    return text;
}

} // namespace assay::ui
