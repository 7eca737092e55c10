#include "models/confusion_matrix_model.h"

#include "common/format.h"

#include <QFont>

namespace assay::ui {

ConfusionMatrixModel::ConfusionMatrixModel(QObject *parent) : QAbstractTableModel(parent) {}

void ConfusionMatrixModel::setMatrix(std::vector<std::vector<std::int64_t>> counts,
                                     QStringList labels)
{
    beginResetModel();
    m_counts = std::move(counts);
    m_labels = std::move(labels);
    endResetModel();
}

void ConfusionMatrixModel::setShadeColor(const QColor &color)
{
    m_shade = color;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                         {Qt::BackgroundRole});
}

QString ConfusionMatrixModel::labelOf(int classIndex) const
{
    if (classIndex < m_labels.size() && !m_labels[classIndex].isEmpty())
        return m_labels[classIndex];
    return QString::number(classIndex);
}

std::int64_t ConfusionMatrixModel::rowTotal(int trueClass) const
{
    std::int64_t total = 0;
    for (std::int64_t count : m_counts[std::size_t(trueClass)])
        total += count;
    return total;
}

double ConfusionMatrixModel::rowShare(int trueClass, int predictedClass) const
{
    const std::int64_t total = rowTotal(trueClass);
    if (total == 0)
        return 0;
    return double(m_counts[std::size_t(trueClass)][std::size_t(predictedClass)]) / double(total);
}

int ConfusionMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : classCount();
}

int ConfusionMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_counts.empty() ? 0 : classCount() + 1;
}

QVariant ConfusionMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role == Qt::ToolTipRole)
        return orientation == Qt::Horizontal ? tr("Predicted class") : tr("True class");
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal && section == classCount())
        return tr("Total");
    return labelOf(section);
}

QVariant ConfusionMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int trueClass = index.row();
    const bool total = index.column() == classCount();
    const std::int64_t count =
        total ? rowTotal(trueClass) : m_counts[std::size_t(trueClass)][std::size_t(index.column())];
    const double share = total ? 1.0 : rowShare(trueClass, index.column());
    switch (role) {
    case Qt::DisplayRole:
        if (total)
            return formatCount(std::uint64_t(count));
        return QStringLiteral("%1\n%2 %")
            .arg(formatCount(std::uint64_t(count)), QString::number(share * 100, 'f', 1));
    case CountRole:
        return qlonglong(count);
    case RowShareRole:
        return share;
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignCenter);
    case Qt::BackgroundRole: {
        if (total)
            return {};
        QColor shade = m_shade;
        shade.setAlphaF(float(0.08 + 0.62 * share));
        return shade;
    }
    case Qt::FontRole:
        if (!total && index.column() == trueClass) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (total)
            return tr("%1 rows of class %2")
                .arg(formatCount(std::uint64_t(count)), labelOf(trueClass));
        return tr("%1 of %2 rows of class %3 predicted as %4 (%5 %)")
            .arg(formatCount(std::uint64_t(count)), formatCount(std::uint64_t(rowTotal(trueClass))),
                 labelOf(trueClass), labelOf(index.column()), QString::number(share * 100, 'f', 1));
    default:
        return {};
    }
}

std::vector<std::vector<std::int64_t>>
sumConfusionMatrices(const std::vector<const std::vector<std::vector<std::int64_t>> *> &matrices)
{
    if (matrices.empty())
        return {};
    std::vector<std::vector<std::int64_t>> sum = *matrices.front();
    for (std::size_t m = 1; m < matrices.size(); ++m) {
        const auto &matrix = *matrices[m];
        if (matrix.size() != sum.size())
            return {};
        for (std::size_t row = 0; row < sum.size(); ++row) {
            if (matrix[row].size() != sum[row].size())
                return {};
            for (std::size_t column = 0; column < sum[row].size(); ++column)
                sum[row][column] += matrix[row][column];
        }
    }
    return sum;
}

} // namespace assay::ui
