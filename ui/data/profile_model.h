#pragma once

#include "common/distribution_chart.h"
#include "stats/profile.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace assay::ui {

// One section of the Profile tab, like Facets Overview: the numeric columns (int, float,
// datetime) or the categorical ones (string, bool) of a profile, a row each, with a small
// distribution per row. With a second profile, the distributions are overlaid and a
// Distance column (Jensen–Shannon) says how far apart the two are.
class ProfileModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Kind { Numeric, Categorical };
    enum class Field {
        Name, Type, Count, Missing, Mean, Std, Zeros, Min, Median, Max,
        Distinct, Top, TopShare, AvgLength, Distribution, Distance
    };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit ProfileModel(Kind kind, QObject *parent = nullptr);

    // `compared` may be null; the same columns (by name) are matched in it.
    void setProfiles(std::shared_ptr<const stats::DatasetProfile> profile, const QString &name,
                     std::shared_ptr<const stats::DatasetProfile> compared = nullptr,
                     const QString &comparedName = {});

    Kind kind() const { return m_kind; }
    bool isComparing() const { return m_compared != nullptr; }
    Field field(int column) const { return m_fields[std::size_t(column)]; }
    int columnOf(Field field) const;
    const stats::ColumnProfile &columnProfile(int row) const;
    const stats::ColumnProfile *comparedProfile(int row) const;
    const DistributionData &distribution(int row) const { return m_rows[std::size_t(row)].distribution; }
    double distance(int row) const { return m_rows[std::size_t(row)].distance; }
    int rowOf(const QString &columnName) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row {
        std::size_t index; // into m_profile->columns
        const stats::ColumnProfile *compared;
        DistributionData distribution;
        double distance;
    };
    QVariant display(const Row &row, Field field) const;
    QVariant sortValue(const Row &row, Field field) const;
    QVariant tooltip(const Row &row, Field field) const;
    bool isProblem(const stats::ColumnProfile &column, Field field) const;

    Kind m_kind;
    std::vector<Field> m_fields;
    std::shared_ptr<const stats::DatasetProfile> m_profile;
    std::shared_ptr<const stats::DatasetProfile> m_compared;
    std::vector<Row> m_rows;
};

} // namespace assay::ui
