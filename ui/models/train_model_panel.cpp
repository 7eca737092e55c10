#include "models/train_model_panel.h"

#include "common/theme.h"
#include "model/trainer.h"
#include "models/train_param_form.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace assay::ui {

TrainModelPanel::TrainModelPanel(QWidget *parent)
    : QWidget(parent), m_trainer(new QComboBox(this)), m_description(new QLabel(this)),
      m_params(new TrainParamForm(this)), m_reset(new QPushButton(tr("Reset to defaults"), this))
{
    m_trainer->setObjectName(QStringLiteral("trainer"));
    for (const auto &trainer : model::trainers()) {
        const QString name = QString::fromStdString(trainer->name());
        m_trainer->addItem(name, name);
        m_trainer->setItemData(m_trainer->count() - 1,
                               QString::fromStdString(trainer->description()), Qt::ToolTipRole);
    }
    m_description->setWordWrap(true);
    QPalette muted = m_description->palette();
    muted.setColor(QPalette::WindowText, mutedTextColor(muted));
    m_description->setPalette(muted);
    m_reset->setToolTip(tr("Set every parameter back to the model's default"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_trainer, 1);
    top->addWidget(m_reset);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_description);
    layout->addWidget(m_params);

    connect(m_trainer, &QComboBox::currentIndexChanged, this, &TrainModelPanel::showTrainer);
    connect(m_params, &TrainParamForm::changed, this, &TrainModelPanel::changed);
    connect(m_reset, &QPushButton::clicked, m_params, &TrainParamForm::resetToDefaults);
    selectTrainer(QStringLiteral("gbt"));
    showTrainer(m_trainer->currentIndex());
}

void TrainModelPanel::showTrainer(int index)
{
    const model::Trainer *trainer =
        index < 0 ? nullptr
                  : model::findTrainer(m_trainer->itemData(index).toString().toStdString());
    m_description->setText(trainer ? QString::fromStdString(trainer->description()) : QString());
    m_params->setSpecs(trainer ? trainer->params() : std::vector<model::ParamSpec>{});
    m_reset->setEnabled(trainer && !trainer->params().empty());
    emit changed();
}

bool TrainModelPanel::isEnabled(int index) const
{
    const auto *items = qobject_cast<const QStandardItemModel *>(m_trainer->model());
    return items && items->item(index)->isEnabled();
}

void TrainModelPanel::setTask(model::Task task)
{
    auto *items = qobject_cast<QStandardItemModel *>(m_trainer->model());
    for (int i = 0; i < m_trainer->count(); ++i) {
        const model::Trainer *trainer =
            model::findTrainer(m_trainer->itemData(i).toString().toStdString());
        const bool supported = trainer && trainer->supports(task);
        QStandardItem *item = items->item(i);
        item->setEnabled(supported);
        const QString description =
            trainer ? QString::fromStdString(trainer->description()) : QString();
        item->setToolTip(supported
                             ? description
                             : tr("%1\nCannot learn a %2 task")
                                   .arg(description, QString::fromUtf8(model::taskName(task))));
    }
    if (isEnabled(m_trainer->currentIndex()))
        return;
    for (int i = 0; i < m_trainer->count(); ++i) {
        if (isEnabled(i)) {
            m_trainer->setCurrentIndex(i);
            return;
        }
    }
}

bool TrainModelPanel::selectTrainer(const QString &name)
{
    const int index = m_trainer->findData(name);
    if (index < 0 || !isEnabled(index))
        return false;
    m_trainer->setCurrentIndex(index);
    return true;
}

QString TrainModelPanel::trainer() const
{
    return m_trainer->currentData().toString();
}

std::map<std::string, std::string> TrainModelPanel::params() const
{
    return m_params->changedValues();
}

} // namespace assay::ui
