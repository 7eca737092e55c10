#include "common/csv_export.h"

#include <QHeaderView>
#include <QIODevice>
#include <QSaveFile>
#include <QTableView>

#include <memory>

namespace assay::ui {

namespace {
constexpr qsizetype rowsPerWrite = 4096;
} // namespace

QString csvField(const QString &value)
{
    const bool needsQuotes = value.contains(u',') || value.contains(u'"') ||
                             value.contains(u'\n') || value.contains(u'\r') ||
                             value.startsWith(u' ') || value.endsWith(u' ');
    if (!needsQuotes)
        return value;
    QString quoted = value;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

Status writeCsv(QIODevice &device, const CsvTable &table, const Progress &progress)
{
    const qsizetype columns = table.header.size();
    QString chunk;
    const auto appendLine = [&chunk](const QStringList &fields) {
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i > 0)
                chunk += u',';
            chunk += csvField(fields[i]);
        }
        chunk += QStringLiteral("\r\n");
    };
    const auto flush = [&chunk, &device] {
        const QByteArray bytes = chunk.toUtf8();
        chunk.clear();
        return device.write(bytes) == bytes.size();
    };
    appendLine(table.header);
    QStringList fields(columns);
    for (qsizetype row = 0; row < table.rowCount; ++row) {
        for (qsizetype column = 0; column < columns; ++column)
            fields[column] = table.cell(row, column);
        appendLine(fields);
        if ((row + 1) % rowsPerWrite == 0) {
            if (progress.isCancelled())
                return Error::cancelled();
            if (!flush())
                return Error::io(device.errorString().toStdString());
            progress.report(double(row + 1) / double(table.rowCount), "writing");
        }
    }
    if (!flush())
        return Error::io(device.errorString().toStdString());
    progress.report(1.0, "writing");
    return {};
}

Status saveCsv(const QString &path, const CsvTable &table, const Progress &progress)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::io(QStringLiteral("%1: %2").arg(path, file.errorString()).toStdString());
    Status written = writeCsv(file, table, progress);
    if (!written.ok()) {
        file.cancelWriting();
        return written;
    }
    if (!file.commit())
        return Error::io(QStringLiteral("%1: %2").arg(path, file.errorString()).toStdString());
    return {};
}

QList<int> visibleColumns(const QTableView &view)
{
    QList<int> columns;
    const QHeaderView *header = view.horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.append(logical);
    }
    return columns;
}

CsvTable viewSnapshot(const QTableView &view, int role)
{
    CsvTable table;
    const QAbstractItemModel *model = view.model();
    if (!model)
        return table;
    const QList<int> columns = visibleColumns(view);
    for (int column : columns)
        table.header.append(
            model->headerData(column, Qt::Horizontal).toString().section(u'\n', 0, 0));
    auto cells = std::make_shared<QList<QStringList>>();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (view.isRowHidden(row))
            continue;
        QStringList line;
        line.reserve(columns.size());
        for (int column : columns)
            line.append(model->index(row, column).data(role).toString());
        cells->append(line);
    }
    table.rowCount = cells->size();
    table.cell = [cells](qsizetype row, qsizetype column) { return (*cells)[row][column]; };
    return table;
}

} // namespace assay::ui
