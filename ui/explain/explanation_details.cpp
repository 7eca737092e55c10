#include "explain/explanation_details.h"

#include <QJsonArray>
#include <QStringList>

namespace assay::ui {

namespace {

QString shapDetails(const QJsonObject &params)
{
    const qint64 background = params.value(QStringLiteral("background")).toInteger();
    if (background > 0)
        return QObject::tr("interventional, %1 rows").arg(background);
    if (params.value(QStringLiteral("interactions")).toBool())
        return QObject::tr("with interactions");
    return QObject::tr("path-dependent");
}

QString featureList(const QJsonArray &features)
{
    QStringList names;
    for (const QJsonValue &feature : features)
        names << feature.toString();
    return names.join(QStringLiteral(", "));
}

} // namespace

QString explanationDetails(const explain::ExplanationEntry &entry)
{
    const QJsonObject &params = entry.params;
    switch (entry.method) {
    case explain::ExplainMethod::TreeShap:
        return shapDetails(params);
    case explain::ExplainMethod::KernelShap:
        return QObject::tr("%1 coalitions, k = %2")
            .arg(params.value(QStringLiteral("coalitions")).toInteger())
            .arg(params.value(QStringLiteral("clusters")).toInteger());
    case explain::ExplainMethod::Lime:
        return QObject::tr("%1 samples").arg(params.value(QStringLiteral("samples")).toInteger());
    case explain::ExplainMethod::Permutation:
        return QStringLiteral("%1 × %2")
            .arg(params.value(QStringLiteral("metric")).toString())
            .arg(params.value(QStringLiteral("repeats")).toInteger());
    case explain::ExplainMethod::PartialDependence:
        return featureList(params.value(QStringLiteral("features")).toArray());
    }
    return {};
}

} // namespace assay::ui
