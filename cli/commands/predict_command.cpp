#include "command_registry.h"
#include "model_inputs.h"
#include "output.h"
#include "read_options.h"
#include "table/csv_writer.h"

namespace assay::cli {

namespace {

const char *const kPredictDetails =
    "Predicts with a model for every row of the data and writes a CSV: a header line, then one "
    "row per data row. Regression and binary models write one column, `prediction` (for binary "
    "models the positive class's probability); multiclass models one column per class, "
    "`p_<class>`. The model is a run id (the run's model artifact), an Assay model file, or an "
    "XGBoost JSON model (Booster.save_model; multi:softmax models give class probabilities, as "
    "multi:softprob would). Data columns are matched to the model's features "
    "by name; extra columns are ignored, a missing feature is an error. The output is written "
    "to a temporary file and renamed, so it is never half-written.";

table::Table predictionTable(const model::ModelSignature &signature, const std::vector<double> &values,
                             std::size_t rows)
{
    const std::size_t outputs = signature.outputCount();
    std::vector<table::Column> columns;
    for (std::size_t output = 0; output < outputs; ++output) {
        const std::string name = signature.task == model::Task::Multiclass
                                     ? "p_" + signature.classes[output]
                                     : std::string("prediction");
        table::Column column(name, table::ColumnType::Float);
        auto &floats = column.floats();
        floats.resize(rows);
        for (std::size_t row = 0; row < rows; ++row)
            floats[row] = values[row * outputs + output];
        columns.push_back(std::move(column));
    }
    return table::Table(std::move(columns));
}

int runPredict(CommandContext &context)
{
    const Command &command = *findCommand("predict");
    const auto out = context.arguments.value("out");
    if (!out)
        return usageError(command, "--out FILE is required");
    if (!context.arguments.positional().empty())
        return usageError(command, "unexpected argument '" + context.arguments.positional().front() + "'");
    auto inputs = readModelInputs(context);
    if (!inputs)
        return fail(inputs.error());
    const auto &model = *inputs->model.model;
    const auto values = model.predictions(inputs->features);
    const auto table = predictionTable(model.signature(), values, inputs->features.rows);
    if (auto written = table::writeCsv(table, *out); !written)
        return fail(written.error());
    if (context.json)
        printJson({{QStringLiteral("rows"), static_cast<qint64>(inputs->features.rows)},
                   {QStringLiteral("out"), qs(*out)},
                   {QStringLiteral("task"), qs(std::string(model::taskName(model.signature().task)))}});
    else
        printLine("wrote " + std::to_string(inputs->features.rows) + " predictions to " + *out);
    return ExitOk;
}

} // namespace

void addPredictCommand(std::vector<Command> &into)
{
    std::vector<OptionSpec> options = readOptionSpecs();
    options.push_back({"model", true, "MODEL", "a run id, an Assay model file or an XGBoost JSON model"});
    options.push_back({"data", true, "DATA", "the rows to predict: a file or PATH@REV"});
    options.push_back({"out", true, "FILE", "where to write the predictions (CSV)"});
    into.push_back({"predict", "predict with a trained or imported model",
                    "--model MODEL --data DATA --out FILE", kPredictDetails,
                    "assay predict --model 4f1c9a... --data data/credit.csv --out predictions.csv",
                    options, runPredict});
}

} // namespace assay::cli
