#include "model/linear_model.h"

#include "common/parallel_for.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace assay::model {

namespace {

constexpr std::size_t kRowsPerBlock = 1024;

double sigmoid(double margin)
{
    if (margin >= 0)
        return 1 / (1 + std::exp(-margin));
    const double e = std::exp(margin);
    return e / (1 + e);
}

void softmaxInPlace(std::span<double> margins)
{
    const double top = *std::max_element(margins.begin(), margins.end());
    double sum = 0;
    for (double &m : margins)
        sum += (m = std::exp(m - top));
    for (double &m : margins)
        m /= sum;
}

QJsonArray arrayOf(const std::vector<double> &values)
{
    QJsonArray array;
    for (double value : values)
        array.append(value);
    return array;
}

Result<std::vector<double>> numbersAt(const QJsonValue &value, std::size_t expected,
                                      const std::string &key)
{
    if (!value.isArray())
        return Error::invalidInput("model." + key + ": expected an array");
    const auto array = value.toArray();
    if (std::size_t(array.size()) != expected)
        return Error::invalidInput("model." + key + ": expected " + std::to_string(expected) +
                                   " numbers, found " + std::to_string(array.size()));
    std::vector<double> numbers;
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array[i].isDouble())
            return Error::invalidInput("model." + key + "[" + std::to_string(i) +
                                       "]: expected a number");
        numbers.push_back(array[i].toDouble());
    }
    return numbers;
}

} // namespace

LinearModel::LinearModel(ModelSignature signature, LinearParameters parameters)
    : Model(std::move(signature)), m_parameters(std::move(parameters)),
      m_layout(this->signature().features, m_parameters.dropFirstLevel)
{
    const std::size_t outputs = m_parameters.intercepts.size();
    m_coefficientsByColumn.resize(m_layout.columns() * outputs);
    for (std::size_t o = 0; o < outputs; ++o)
        for (std::size_t c = 0; c < m_layout.columns(); ++c)
            m_coefficientsByColumn[c * outputs + o] = m_parameters.coefficients[o][c];
}

std::string_view LinearModel::kind() const
{
    return signature().task == Task::Regression ? "linear" : "logistic";
}

void LinearModel::predictRows(const FeatureMatrix &x, std::size_t begin, std::size_t end,
                              std::span<double> out) const
{
    const std::size_t outputs = m_parameters.intercepts.size();
    const Task task = signature().task;
    for (std::size_t row = begin; row < end; ++row) {
        const auto margins = out.subspan(row * outputs, outputs);
        std::copy(m_parameters.intercepts.begin(), m_parameters.intercepts.end(), margins.begin());
        m_layout.forEachEntry(
            x.row(row), m_parameters.means, [&](std::size_t column, double value) {
                const double *weights = m_coefficientsByColumn.data() + column * outputs;
                for (std::size_t o = 0; o < outputs; ++o)
                    margins[o] += weights[o] * value;
            });
        if (task == Task::Binary)
            margins[0] = sigmoid(margins[0]);
        else if (task == Task::Multiclass)
            softmaxInPlace(margins);
    }
}

void LinearModel::predict(const FeatureMatrix &x, std::span<double> out, unsigned threads) const
{
    // Rows are independent, so any split into blocks gives the same bits.
    const std::size_t blocks = (x.rows + kRowsPerBlock - 1) / kRowsPerBlock;
    const auto predictBlock = [&](std::size_t block) {
        predictRows(x, block * kRowsPerBlock, std::min(x.rows, (block + 1) * kRowsPerBlock), out);
    };
    if (threads == 1 || blocks <= 1) {
        for (std::size_t block = 0; block < blocks; ++block)
            predictBlock(block);
        return;
    }
    parallelFor(blocks, predictBlock);
}

QJsonObject LinearModel::parametersToJson() const
{
    QJsonArray columns;
    for (const auto &name : m_layout.columnNames())
        columns.append(QString::fromStdString(name));
    QJsonArray coefficients;
    for (const auto &row : m_parameters.coefficients)
        coefficients.append(arrayOf(row));
    QJsonObject object;
    object.insert(QStringLiteral("coding"), m_parameters.dropFirstLevel
                                                ? QStringLiteral("drop_first_level")
                                                : QStringLiteral("all_levels"));
    object.insert(QStringLiteral("columns"), columns);
    object.insert(QStringLiteral("means"), arrayOf(m_parameters.means));
    object.insert(QStringLiteral("intercepts"), arrayOf(m_parameters.intercepts));
    object.insert(QStringLiteral("coefficients"), coefficients);
    return object;
}

Result<std::unique_ptr<LinearModel>> LinearModel::fromJson(ModelSignature signature,
                                                           const QJsonObject &parameters)
{
    LinearParameters read;
    const auto coding = parameters.value(QStringLiteral("coding")).toString();
    if (coding != QStringLiteral("all_levels") && coding != QStringLiteral("drop_first_level"))
        return Error::invalidInput("model.coding: expected \"all_levels\" or \"drop_first_level\"");
    read.dropFirstLevel = coding == QStringLiteral("drop_first_level");
    const DesignLayout layout(signature.features, read.dropFirstLevel);
    const auto columns = parameters.value(QStringLiteral("columns")).toArray();
    const auto names = layout.columnNames();
    if (std::size_t(columns.size()) != names.size())
        return Error::invalidInput(
            "model.columns: the features give " + std::to_string(names.size()) +
            " design columns, the model has " + std::to_string(columns.size()));
    for (std::size_t c = 0; c < names.size(); ++c)
        if (columns[qsizetype(c)].toString().toStdString() != names[c])
            return Error::invalidInput("model.columns[" + std::to_string(c) + "]: expected '" +
                                       names[c] + "'");
    const std::size_t outputs = signature.outputCount();
    auto means =
        numbersAt(parameters.value(QStringLiteral("means")), signature.features.size(), "means");
    if (!means)
        return means.error();
    auto intercepts =
        numbersAt(parameters.value(QStringLiteral("intercepts")), outputs, "intercepts");
    if (!intercepts)
        return intercepts.error();
    const auto coefficients = parameters.value(QStringLiteral("coefficients")).toArray();
    if (std::size_t(coefficients.size()) != outputs)
        return Error::invalidInput("model.coefficients: expected " + std::to_string(outputs) +
                                   " rows, one per output");
    for (std::size_t o = 0; o < outputs; ++o) {
        auto row = numbersAt(coefficients[qsizetype(o)], names.size(),
                             "coefficients[" + std::to_string(o) + "]");
        if (!row)
            return row.error();
        read.coefficients.push_back(std::move(*row));
    }
    read.means = std::move(*means);
    read.intercepts = std::move(*intercepts);
    return std::make_unique<LinearModel>(std::move(signature), std::move(read));
}

} // namespace assay::model
