#include "common/chart_view.h"

#include "common/theme.h"

#include <QContextMenuEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSvgGenerator>
#include <QToolTip>

namespace assay::ui {

namespace {

void styleAxis(QCPAxis *axis, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::WindowText);
    const QColor line = mutedTextColor(palette);
    QColor grid = line;
    grid.setAlpha(60);
    axis->setBasePen(QPen(line, 1));
    axis->setTickPen(QPen(line, 1));
    axis->setSubTickPen(Qt::NoPen);
    axis->setTickLabelColor(text);
    axis->setLabelColor(text);
    axis->grid()->setPen(QPen(grid, 1, Qt::SolidLine));
    axis->grid()->setZeroLinePen(Qt::NoPen);
}

Status saveSvg(QCustomPlot &plot, const QString &path)
{
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(plot.size());
    generator.setViewBox(QRect(QPoint(0, 0), plot.size()));
    QCPPainter painter;
    if (!painter.begin(&generator))
        return Error{ErrorKind::Io, "cannot write " + path.toStdString()};
    plot.toPainter(&painter, plot.width(), plot.height());
    painter.end();
    return {};
}

} // namespace

ChartView::ChartView(QWidget *parent) : QCustomPlot(parent)
{
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    setNoAntialiasingOnDrag(true);
    setFocusPolicy(Qt::ClickFocus);
    setMinimumHeight(160);
    legend->setBorderPen(Qt::NoPen);
    applyPalette();
    connect(this, &QCustomPlot::mouseMove, this, &ChartView::showReadout);
    connect(this, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent *) { resetRanges(); });
}

void ChartView::applyPalette()
{
    const QPalette pal = palette();
    setBackground(pal.color(QPalette::Base));
    axisRect()->setBackground(pal.color(QPalette::Base));
    for (QCPAxis *axis : axisRect()->axes())
        styleAxis(axis, pal);
    legend->setBrush(pal.color(QPalette::Base));
    legend->setTextColor(pal.color(QPalette::WindowText));
    replot(QCustomPlot::rpQueuedReplot);
}

void ChartView::rememberHomeRanges()
{
    m_homeKeys = xAxis->range();
    m_homeValues = yAxis->range();
}

void ChartView::resetRanges()
{
    xAxis->setRange(m_homeKeys);
    yAxis->setRange(m_homeValues);
    replot();
}

void ChartView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QCustomPlot::changeEvent(event);
}

void ChartView::showReadout(QMouseEvent *event)
{
    if (!m_readout || !axisRect()->rect().contains(event->pos())) {
        QToolTip::hideText();
        return;
    }
    const double key = xAxis->pixelToCoord(event->pos().x());
    const double value = yAxis->pixelToCoord(event->pos().y());
    const QString text = m_readout(key, value);
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

void ChartView::leaveEvent(QEvent *event)
{
    QToolTip::hideText();
    QCustomPlot::leaveEvent(event);
}

Status ChartView::exportTo(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool ok = false;
    if (suffix == QStringLiteral("png"))
        ok = savePng(path, width(), height(), 2.0);
    else if (suffix == QStringLiteral("pdf"))
        ok = savePdf(path, width(), height());
    else if (suffix == QStringLiteral("svg"))
        return saveSvg(*this, path);
    else if (suffix == QStringLiteral("csv") && m_csvSource)
        return saveCsv(path, m_csvSource());
    else
        return Error{ErrorKind::InvalidInput,
                     "cannot export a chart as '" + suffix.toStdString() + "' (png, svg, pdf or csv)"};
    if (!ok)
        return Error{ErrorKind::Io, "cannot write " + path.toStdString()};
    return {};
}

void ChartView::exportWithDialog()
{
    QStringList filters{tr("PNG image (*.png)"), tr("SVG drawing (*.svg)"), tr("PDF document (*.pdf)")};
    if (m_csvSource)
        filters << tr("CSV numbers (*.csv)");
    QString chosenFilter;
    QString path = QFileDialog::getSaveFileName(this, tr("Export chart"), QString(),
                                                filters.join(QStringLiteral(";;")), &chosenFilter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty()) {
        const qsizetype star = chosenFilter.indexOf(QStringLiteral("*."));
        path += chosenFilter.mid(star + 1, chosenFilter.size() - star - 2);
    }
    const Status written = exportTo(path);
    if (!written.ok())
        QMessageBox::warning(this, tr("Export chart"), QString::fromStdString(written.error().message));
}

void ChartView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(tr("Reset zoom"), this, &ChartView::resetRanges);
    menu.addSeparator();
    menu.addAction(tr("Export…"), QKeySequence(Qt::CTRL | Qt::Key_E), this,
                   &ChartView::exportWithDialog);
    menu.exec(event->globalPos());
}

void ChartView::keyPressEvent(QKeyEvent *event)
{
    if (event->modifiers() == Qt::ControlModifier && event->key() == Qt::Key_E) {
        exportWithDialog();
        return;
    }
    QCustomPlot::keyPressEvent(event);
}

} // namespace assay::ui
