// Status of events on hand-built trees of real sentences (the trees are what
// a correct UD parse gives, so these tests pin the rules, not the parser).
#include "clause/modality.h"

#include <gtest/gtest.h>

#include <sstream>

namespace faultline {
namespace {

// "form/lemma/UPOS/head/rel ..." with 1-based heads as in CoNLL-U (0 = root).
Document Build(const std::string& spec) {
  Document d;
  std::istringstream in(spec);
  std::string item;
  while (in >> item) {
    std::vector<std::string> f;
    std::stringstream ss(item);
    for (std::string part; std::getline(ss, part, '/');) f.push_back(part);
    Token t;
    t.form = f[0];
    t.lemma = f[1];
    t.upos = InternTag(f[2]);
    t.head = std::stoi(f[3]) - 1;
    t.deprel = InternTag(f[4]);
    d.tokens.push_back(t);
  }
  d.sentences.push_back({0, static_cast<uint32_t>(d.tokens.size()), 0, 0, 0});
  return d;
}

EventStatus StatusAt(const std::string& spec, int anchor) {
  Document d = Build(spec);
  Tree t(d, d.sentences[0]);
  return StatusOf(t, anchor);
}

TEST(ModalityTest, PlainPastIsReported) {
  EXPECT_EQ(StatusAt("Johnson/Johnson/PROPN/2/nsubj visited/visit/VERB/0/root Kyiv/Kyiv/PROPN/2/obj", 1),
            EventStatus::kReported);
}

TEST(ModalityTest, DidNotIsNegated) {
  EXPECT_EQ(StatusAt("Russia/Russia/PROPN/4/nsubj did/do/AUX/4/aux not/not/PART/4/advmod invade/invade/VERB/0/root", 3),
            EventStatus::kNegated);
}

TEST(ModalityTest, DeniedPlanIsNegated) {
  // Russia denies that it is planning to invade
  EXPECT_EQ(StatusAt("Russia/Russia/PROPN/2/nsubj denies/deny/VERB/0/root that/that/SCONJ/6/mark it/it/PRON/6/nsubj "
                     "is/be/AUX/6/aux planning/plan/VERB/2/ccomp to/to/PART/8/mark invade/invade/VERB/6/xcomp",
                     7),
            EventStatus::kNegated);
}

TEST(ModalityTest, UnlessMakesConditional) {
  // it could take action unless demands are met
  EXPECT_EQ(StatusAt("it/it/PRON/3/nsubj could/could/AUX/3/aux take/take/VERB/0/root action/action/NOUN/3/obj "
                     "unless/unless/SCONJ/8/mark demands/demand/NOUN/8/nsubj:pass are/be/AUX/8/aux:pass "
                     "met/meet/VERB/3/advcl",
                     2),
            EventStatus::kConditional);
}

TEST(ModalityTest, IfClauseItselfIsHypothetical) {
  // it would be a tragedy if an escalation begins
  EXPECT_EQ(StatusAt("tragedy/tragedy/NOUN/0/root if/if/SCONJ/4/mark escalation/escalation/NOUN/4/nsubj "
                     "begins/begin/VERB/1/advcl",
                     3),
            EventStatus::kHypothetical);
}

TEST(ModalityTest, DueToIsPlanned) {
  // Putin and Johnson are due to talk
  EXPECT_EQ(StatusAt("Putin/Putin/PROPN/3/nsubj are/be/AUX/3/cop due/due/ADJ/0/root to/to/PART/5/mark "
                     "talk/talk/VERB/3/xcomp",
                     4),
            EventStatus::kPlanned);
}

TEST(ModalityTest, ReportedWouldIsPlannedUnreportedIsHypothetical) {
  // Morawiecki said Poland would hand over
  EXPECT_EQ(StatusAt("Morawiecki/Morawiecki/PROPN/2/nsubj said/say/VERB/0/root Poland/Poland/PROPN/5/nsubj "
                     "would/would/AUX/5/aux hand/hand/VERB/2/ccomp",
                     4),
            EventStatus::kPlanned);
  EXPECT_EQ(StatusAt("Poland/Poland/PROPN/3/nsubj would/would/AUX/3/aux attack/attack/VERB/0/root", 2),
            EventStatus::kHypothetical);
}

TEST(ModalityTest, NounEventInWouldClauseIsHypothetical) {
  // invasion of Ukraine would be met with consequences
  EXPECT_EQ(StatusAt("invasion/invasion/NOUN/6/nsubj:pass of/of/ADP/3/case Ukraine/Ukraine/PROPN/1/nmod "
                     "would/would/AUX/6/aux be/be/AUX/6/aux:pass met/meet/VERB/0/root",
                     0),
            EventStatus::kHypothetical);
}

TEST(ModalityTest, NounEventIsPresupposed) {
  // meant to try to ease tensions over the build-up: the build-up is real
  EXPECT_EQ(StatusAt("try/try/VERB/0/root to/to/PART/4/mark ease/ease/VERB/1/xcomp tensions/tension/NOUN/3/obj "
                     "over/over/ADP/6/case buildup/buildup/NOUN/3/obl",
                     5),
            EventStatus::kReported);
}

TEST(ModalityTest, UrgedActIsHypothetical) {
  // urged Russia to withdraw
  EXPECT_EQ(StatusAt("He/he/PRON/2/nsubj urged/urge/VERB/0/root Russia/Russia/PROPN/2/obj to/to/PART/5/mark "
                     "withdraw/withdraw/VERB/2/xcomp",
                     4),
            EventStatus::kHypothetical);
}

TEST(ModalityTest, UnexplainedInfinitiveIsNotYetDone) {
  // troops were sent to secure the port
  EXPECT_EQ(StatusAt("troops/troop/NOUN/3/nsubj:pass were/be/AUX/3/aux:pass sent/send/VERB/0/root to/to/PART/5/mark "
                     "secure/secure/VERB/3/advcl the/the/DET/7/det port/port/NOUN/5/obj",
                     4),
            EventStatus::kHypothetical);
}

TEST(ModalityTest, ConjunctSharesItsFirstMembersGovernorNotItsLemma) {
  // Russia denied the report and attacked Ukraine: the attack is reported.
  EXPECT_EQ(StatusAt("Russia/Russia/PROPN/2/nsubj denied/deny/VERB/0/root the/the/DET/4/det report/report/NOUN/2/obj "
                     "and/and/CCONJ/6/cc attacked/attack/VERB/2/conj Ukraine/Ukraine/PROPN/6/obj",
                     5),
            EventStatus::kReported);
}

}  // namespace
}  // namespace faultline
