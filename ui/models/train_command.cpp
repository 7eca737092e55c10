#include "models/train_command.h"

#include "data/diff_command.h"
#include "model/task.h"

#include <QStringList>

namespace assay::ui {

namespace {

QString joinedNames(const std::vector<std::string> &names)
{
    QStringList list;
    for (const std::string &name : names)
        list.append(QString::fromStdString(name));
    return list.join(u',');
}

QString fraction(double value)
{
    return QString::number(value, 'g', 15);
}

bool isDefaultSplit(const model::TrainRequest &request)
{
    const model::TrainRequest defaults;
    return request.trainFraction == defaults.trainFraction &&
           request.validationFraction == defaults.validationFraction &&
           request.testFraction == defaults.testFraction;
}

} // namespace

QString trainCommandLine(const model::TrainRequest &request, const QString &dataName)
{
    QStringList words{QStringLiteral("assay"), QStringLiteral("train")};
    const auto option = [&words](const QString &name, const QString &value) {
        words << name << shellQuoted(value);
    };
    option(QStringLiteral("--data"), dataName);
    option(QStringLiteral("--target"), QString::fromStdString(request.target));
    option(QStringLiteral("--model"), QString::fromStdString(request.trainer));
    if (!request.features.empty())
        option(QStringLiteral("--features"), joinedNames(request.features));
    if (!request.exclude.empty())
        option(QStringLiteral("--exclude"), joinedNames(request.exclude));
    for (const auto &[name, value] : request.params)
        option(QStringLiteral("--param"), QString::fromStdString(name + '=' + value));
    if (request.task)
        option(QStringLiteral("--task"), QString::fromUtf8(model::taskName(*request.task)));
    if (request.folds > 0) {
        option(QStringLiteral("--cv"), QString::number(request.folds));
    } else if (!isDefaultSplit(request)) {
        option(QStringLiteral("--split"), fraction(request.trainFraction) + u',' +
                                              fraction(request.validationFraction) + u',' +
                                              fraction(request.testFraction));
    }
    if (!request.experiment.empty())
        option(QStringLiteral("--experiment"), QString::fromStdString(request.experiment));
    if (!request.runName.empty())
        option(QStringLiteral("--name"), QString::fromStdString(request.runName));
    if (request.seed != 0)
        option(QStringLiteral("--seed"), QString::number(request.seed));
    if (request.threads != 0)
        option(QStringLiteral("--threads"), QString::number(request.threads));
    return words.join(u' ');
}

} // namespace assay::ui
