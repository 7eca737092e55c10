#pragma once

#include "explain/predictor.h"

#include <cmath>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace assay::testing {

// A Predictor computing a known function of each row, for testing the model-agnostic
// explainers against closed forms and reference implementations. Counts its calls and rows.
class FunctionPredictor final : public explain::Predictor {
public:
    using Function = std::function<void(std::span<const double> row, std::span<double> out)>;

    FunctionPredictor(std::size_t outputs, Function function)
        : m_outputs(outputs), m_function(std::move(function))
    {
    }

    std::vector<std::string> outputNames() const override
    {
        std::vector<std::string> names;
        for (std::size_t o = 0; o < m_outputs; ++o)
            names.push_back("output" + std::to_string(o));
        return names;
    }

    Result<explain::Predictions> predict(const model::FeatureMatrix &x,
                                         const Progress &progress = {}) override
    {
        if (progress.isCancelled())
            return Error::cancelled();
        ++calls;
        rowsPredicted += x.rows;
        largestBatch = std::max(largestBatch, x.rows);
        explain::Predictions predictions{.rows = x.rows, .outputs = m_outputs, .values = {}};
        predictions.values.assign(x.rows * m_outputs, 0.0);
        for (std::size_t r = 0; r < x.rows; ++r)
            m_function(x.row(r), std::span(predictions.values).subspan(r * m_outputs, m_outputs));
        return predictions;
    }

    std::size_t calls = 0;
    std::size_t rowsPredicted = 0;
    std::size_t largestBatch = 0;

private:
    std::size_t m_outputs;
    Function m_function;
};

// Wraps a predictor and answers its call number `faultyCall` (from 1) with the wrong shape, as
// a broken external command might: one row fewer, or another number of outputs (one fewer, or
// two when there is one).
class MisshapenPredictor final : public explain::Predictor {
public:
    enum class Fault { FewerRows, OtherOutputs };

    MisshapenPredictor(explain::Predictor &inner, std::size_t faultyCall, Fault fault)
        : m_inner(inner), m_faultyCall(faultyCall), m_fault(fault)
    {
    }

    std::vector<std::string> outputNames() const override { return m_inner.outputNames(); }

    Result<explain::Predictions> predict(const model::FeatureMatrix &x,
                                         const Progress &progress = {}) override
    {
        auto predictions = m_inner.predict(x, progress);
        if (!predictions || ++calls != m_faultyCall)
            return predictions;
        if (m_fault == Fault::FewerRows && predictions->rows > 0) {
            --predictions->rows;
            predictions->values.resize(predictions->rows * predictions->outputs);
        } else if (m_fault == Fault::OtherOutputs) {
            predictions->outputs = predictions->outputs > 1 ? predictions->outputs - 1 : 2;
            predictions->values.resize(predictions->rows * predictions->outputs);
        }
        return predictions;
    }

    std::size_t calls = 0;

private:
    explain::Predictor &m_inner;
    std::size_t m_faultyCall;
    Fault m_fault;
};

// A fitted linear model's function, x·coef + intercept, as sklearn computes it; through the
// logistic for a classifier (the positive class's probability).
inline FunctionPredictor linearPredictor(std::vector<double> coef, double intercept, bool logistic)
{
    return FunctionPredictor(1, [=](std::span<const double> row, std::span<double> out) {
        double value = 0;
        for (std::size_t c = 0; c < coef.size(); ++c)
            value += row[c] * coef[c];
        value += intercept;
        out[0] = logistic ? 1 / (1 + std::exp(-value)) : value;
    });
}

} // namespace assay::testing
