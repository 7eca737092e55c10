#include "data/data_table_view.h"

#include "common/tsv.h"
#include "data/table_model.h"
#include "data/typed_header_view.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>

#include <algorithm>

namespace assay::ui {

namespace {
constexpr int sampleRows = 64;
constexpr int minColumnWidth = 56;
constexpr int maxColumnWidth = 320;
constexpr int cellPadding = 18;
} // namespace

DataTableView::DataTableView(QWidget *parent) : QTableView(parent)
{
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setCornerButtonEnabled(true);
    setAlternatingRowColors(true);
    setShowGrid(false);

    QHeaderView *rows = verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 8);
    rows->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);

    setHorizontalHeader(new TypedHeaderView(this));
    QHeaderView *columns = horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns->setHighlightSections(false);
    columns->setStretchLastSection(false);
}

void DataTableView::fitColumnsToSample()
{
    QAbstractItemModel *source = model();
    if (!source)
        return;
    const QFontMetrics cellMetrics = fontMetrics();
    const QFontMetrics headerMetrics = horizontalHeader()->fontMetrics();
    const int rows = std::min(source->rowCount(), sampleRows);
    for (int column = 0; column < source->columnCount(); ++column) {
        int width = 0;
        const QStringList headerLines =
            source->headerData(column, Qt::Horizontal).toString().split(u'\n');
        for (const QString &line : headerLines)
            width = std::max(width, headerMetrics.horizontalAdvance(line));
        for (int row = 0; row < rows; ++row) {
            const QString text = source->index(row, column).data().toString();
            width = std::max(width, cellMetrics.horizontalAdvance(text));
        }
        setColumnWidth(column, std::clamp(width + cellPadding, minColumnWidth, maxColumnWidth));
    }
    // Row numbers need room for the last row's number, not the first page's.
    verticalHeader()->setMinimumWidth(
        cellMetrics.horizontalAdvance(QString::number(source->rowCount())) + 12);
}

void DataTableView::copySelection() const
{
    const QString text =
        selectionToTsv(selectionModel() ? selectionModel()->selectedIndexes() : QModelIndexList(),
                       TableModel::ExportTextRole);
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void DataTableView::keyPressEvent(QKeyEvent *event)
{
    if (event == QKeySequence::Copy) {
        copySelection();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

} // namespace assay::ui
