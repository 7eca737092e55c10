#pragma once

#include "common/progress.h"
#include "common/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QIODevice;
class QTableView;

namespace assay::ui {

// What an export writes: a header line and `rowCount` rows of `header.size()` cells.
// `cell` may run on a worker thread when the table comes from a thread-safe source.
struct CsvTable {
    QStringList header;
    qsizetype rowCount = 0;
    std::function<QString(qsizetype row, qsizetype column)> cell;
};

// One RFC 4180 field: quoted (with doubled quotes) when it holds a comma, quote, CR or LF,
// or starts/ends with a space; otherwise as it is.
QString csvField(const QString &value);

// Writes `table` as UTF-8 CSV with CRLF line ends. Fails with Cancelled when `progress`
// asks to stop, with Io when the device refuses the bytes.
Status writeCsv(QIODevice &device, const CsvTable &table, const Progress &progress = {});

// Writes through a temporary file renamed over `path` on success (QSaveFile), so a failed
// or cancelled export leaves any earlier file as it was.
Status saveCsv(const QString &path, const CsvTable &table, const Progress &progress = {});

// What `view` shows, read now through `role`: its visible columns in their visual order and
// its visible rows in the view's order, headers as their first line. For small tables; it
// copies every cell, so the result may go to a worker.
CsvTable viewSnapshot(const QTableView &view, int role);

// The logical columns of `view` that are not hidden, in visual order.
QList<int> visibleColumns(const QTableView &view);

} // namespace assay::ui
