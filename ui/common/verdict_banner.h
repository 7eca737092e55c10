#pragma once

#include "common/theme.h"

#include <QFrame>

class QLabel;

namespace assay::ui {

// A strip with the verdict of a check on a faint status tint: a dot and a bold headline
// ("Dataset drift detected"), and a sentence with the figures behind it.
class VerdictBanner : public QFrame {
    Q_OBJECT
public:
    explicit VerdictBanner(QWidget *parent = nullptr);

    void setVerdict(StatusTone tone, const QString &headline, const QString &detail);
    void clear();

    QString headline() const;
    QString detail() const;

private:
    QLabel *m_dot;
    QLabel *m_headline;
    QLabel *m_detail;
};

} // namespace assay::ui
