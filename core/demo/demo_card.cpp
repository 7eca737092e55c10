#include "demo/demo_card.h"

#include "govern/model_card.h"

namespace assay::demo {

Status writeDemoCard(workspace::Workspace &workspace)
{
    govern::ModelCard card;
    card.subject = kDemoRegisteredModel;
    card.overview =
        "Gradient-boosted trees (300 rounds at most, depth 4, early stopping on a validation "
        "part) that estimate the probability that a consumer loan application defaults within "
        "twelve months. Trained on the applications of January to March 2025 "
        "(data/credit.csv): applicant age and income, employment, home ownership, loan amount, "
        "term, rate and purpose, credit score, debt-to-income ratio and repayment history.";
    card.owners = {{"Credit Risk Analytics", "credit-risk-analytics@bank.example"},
                   {"Model Risk Management (validation)", "mrm@bank.example"}};
    card.version = "1.0 — the first quarter's model";
    card.license = "Internal use only; proprietary to the bank";
    card.references = {"Credit policy CP-12: affordability and default risk",
                       "Model risk standard MRS-4: validation of scoring models",
                       "Model Cards for Model Reporting (Mitchell et al., 2019)"};
    card.intendedUse =
        "Ranks new consumer loan applications by default risk to support a credit analyst's "
        "decision and to set the review queue. A person decides every application; the score "
        "never approves or declines on its own.";
    card.outOfScopeUses = {"Automated approval or rejection without human review",
                           "Mortgages, business loans or credit cards (other products, other populations)",
                           "Pricing the interest rate offered to an applicant",
                           "Collections or recovery decisions on existing loans"};
    card.limitations = {
        "Trained on three months of applications; seasonal and economic change since then is not seen",
        "The population has moved since training (older applicants, lower incomes, a new loan purpose): "
        "check the drift section before relying on the scores",
        "Credit scores are missing for about 4% of applicants; those rows rely on the other features",
        "Defaults are observed after twelve months only, so recent labels are incomplete"};
    card.tradeoffs = {
        "Gradient boosting ranks defaults better than the logistic regression (version 2) but is "
        "harder to explain; SHAP values are reported to compensate",
        "The 0.5 probability threshold of the fairness table favours precision; the credit policy "
        "sets the operational cut-off"};
    card.ethicalConsiderations = {
        "Sex and age band are model features: proxy discrimination risk — mitigation: fairness by "
        "sex and age band is reviewed before each promotion, and removing both is being evaluated",
        "Young applicants have thinner credit histories: higher error risk — mitigation: a model "
        "test requires ROC AUC ≥ 0.65 for applicants under 30",
        "Applicants may contest a decision: mitigation: SHAP explanations of each score are kept "
        "for the analyst's adverse-action notice"};
    card.sensitiveColumns = {"sex", "age_band"};
    return govern::saveCard(workspace, card);
}

} // namespace assay::demo
