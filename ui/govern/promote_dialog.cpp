#include "govern/promote_dialog.h"

#include "common/list_table.h"
#include "common/theme.h"
#include "govern/gate_checks_model.h"
#include "govern/governed_call.h"
#include "govern/stage_style.h"
#include "shell/job_runner.h"
#include "workspace/workspace.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace assay::ui {

PromoteDialog::PromoteDialog(JobRunner &jobs, std::filesystem::path root,
                             govern::ModelVersion version, bool accessControlOn, QWidget *parent)
    : QDialog(parent), m_jobs(jobs), m_root(std::move(root)), m_version(std::move(version)),
      m_accessControlOn(accessControlOn), m_stage(new QComboBox(this)),
      m_reason(new QLineEdit(this)), m_gateHint(new QLabel(this)),
      m_checkTable(new QTableView(this)), m_checks(new GateChecksModel(this)),
      m_message(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    const QString name = QString::fromStdString(m_version.name);
    setWindowTitle(tr("Promote %1 v%2").arg(name).arg(m_version.version));
    setObjectName(QStringLiteral("promoteDialog"));
    resize(640, 420);

    for (const govern::Stage stage : {govern::Stage::Staging, govern::Stage::Production,
                                      govern::Stage::Archived, govern::Stage::None})
        m_stage->addItem(statusDot(stageTone(stage), palette()), stageWord(stage), int(stage));
    m_stage->setObjectName(QStringLiteral("promoteStage"));
    m_stage->setCurrentIndex(m_version.stage == govern::Stage::Staging ? 1 : 0);
    m_reason->setObjectName(QStringLiteral("promoteReason"));
    m_reason->setPlaceholderText(tr("Why: e.g. “passed the September review”"));

    auto *form = new QFormLayout;
    form->addRow(tr("Version:"), new QLabel(tr("%1 v%2, now %3")
                                                .arg(name)
                                                .arg(m_version.version)
                                                .arg(stageWord(m_version.stage)),
                                            this));
    form->addRow(tr("Move to stage:"), m_stage);
    form->addRow(tr("Reason:"), m_reason);

    m_gateHint->setWordWrap(true);
    setUpListTable(m_checkTable, m_checks, Qt::DisplayRole, QStringLiteral("gateChecks"));
    m_checkTable->setObjectName(QStringLiteral("gateChecks"));
    m_checkTable->horizontalHeader()->setStretchLastSection(true);
    m_checkTable->setColumnWidth(GateChecksModel::OutcomeColumn, 90);
    m_checkTable->setColumnWidth(GateChecksModel::CheckColumn, 150);
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("promoteMessage"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Promote"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_gateHint);
    layout->addWidget(m_checkTable, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &PromoteDialog::promote);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_stage, &QComboBox::currentIndexChanged, this, &PromoteDialog::updateGateHint);
    updateGateHint();
    evaluateGate();
}

void PromoteDialog::setStage(govern::Stage stage)
{
    m_stage->setCurrentIndex(m_stage->findData(int(stage)));
}

govern::Stage PromoteDialog::stage() const
{
    return govern::Stage(m_stage->currentData().toInt());
}

void PromoteDialog::setReason(const QString &reason)
{
    m_reason->setText(reason);
}

QString PromoteDialog::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void PromoteDialog::evaluateGate()
{
    m_gateJob = m_jobs.run(
        tr("Evaluating the gate of %1 v%2").arg(QString::fromStdString(m_version.name)).arg(m_version.version),
        this,
        [root = m_root, name = m_version.name, number = m_version.version](const Progress &)
            -> Result<govern::GateResult> {
            auto opened = workspace::Workspace::open(root);
            if (!opened)
                return opened.error();
            return govern::evaluateGate(*opened, name, number);
        },
        [this](Result<govern::GateResult> result) {
            m_evaluated = true;
            if (!result.ok()) {
                m_gatePassed = false;
                showMessage(tr("The gate could not be evaluated: %1")
                                .arg(QString::fromStdString(result.error().message)),
                            true);
            } else {
                m_gatePassed = result->passed;
                m_checks->setChecks(result->checks);
            }
            updateGateHint();
        });
}

void PromoteDialog::updateGateHint()
{
    const bool toProduction = stage() == govern::Stage::Production;
    QString text;
    if (!m_evaluated)
        text = tr("Evaluating the promotion gate…");
    else if (!toProduction)
        text = tr("The gate below decides promotions to production only; moving to %1 needs the "
                  "scientist role.")
                   .arg(stageWord(stage()));
    else if (m_gatePassed)
        text = tr("Every check of the gate passes: the version may go to production.");
    else
        text = tr("The gate refuses production until the failed checks below pass.");
    m_gateHint->setText(text);
    const StatusTone tone = !m_evaluated || !toProduction
                                ? StatusTone::Unknown
                                : (m_gatePassed ? StatusTone::Ok : StatusTone::Failed);
    QPalette palette = m_gateHint->palette();
    palette.setColor(QPalette::WindowText, tone == StatusTone::Unknown
                                               ? mutedTextColor(this->palette())
                                               : statusColor(tone, this->palette()));
    m_gateHint->setPalette(palette);
}

void PromoteDialog::showMessage(const QString &text, bool failure)
{
    m_message->setText(text);
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText, failure ? statusColor(StatusTone::Failed, this->palette())
                                                   : this->palette().color(QPalette::WindowText));
    m_message->setPalette(palette);
    m_message->setVisible(!text.isEmpty());
}

void PromoteDialog::promote()
{
    if (m_busy)
        return;
    m_busy = true;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    showMessage(tr("Promoting…"), false);
    const govern::Stage target = stage();
    const std::string reason = m_reason->text().toStdString();
    const QString name = QString::fromStdString(m_version.name);
    const int number = m_version.version;
    GovernedCall call{
        .jobs = &m_jobs,
        .receiver = this,
        .dialogParent = this,
        .root = m_root,
        .action = target == govern::Stage::Production ? govern::Action::PromoteModel
                                                      : govern::Action::RegisterModel,
        .accessControlOn = m_accessControlOn,
        .title = tr("Promoting %1 v%2 to %3").arg(name).arg(number).arg(stageWord(target)),
        .work = [name = m_version.name, number, target, reason](workspace::Workspace &workspace) -> Status {
            auto result = govern::promote(workspace, name, number, target, reason);
            if (!result)
                return result.error();
            return {};
        },
        .done = [this, name, number, target](const Status &status) {
            m_busy = false;
            m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
            if (!status.ok()) {
                showMessage(QString::fromStdString(status.error().message), true);
                return;
            }
            showMessage({}, false);
            emit promoted(name, number, target);
            accept();
        },
    };
    call.start();
}

} // namespace assay::ui
