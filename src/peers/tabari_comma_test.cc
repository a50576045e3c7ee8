// TABARI's comma-delimited clause deletion, on sentences written here.
#include "peers/tabari_comma.h"

#include <gtest/gtest.h>

namespace faultline::peers {
namespace {

TEST(TabariComma, DefaultRuleDropsShortInternalAndTerminalClauses) {
  CommaRule rule;  // MIN 2 MAX 10, EMIN 2 EMAX 10, initial never
  EXPECT_EQ(DeleteCommaClauses("Chile's trade minister, in a speech on Monday, praised Peru's offer.", rule),
            "Chile's trade minister praised Peru's offer.");
  EXPECT_EQ(DeleteCommaClauses("Peru recalled its envoy to Chile, the foreign ministry said on Friday.", rule),
            "Peru recalled its envoy to Chile.");
  // Two words are not more than MIN: kept; an initial stretch is kept; so
  // is a terminal one of 14 words.
  const char* kept = "Peru, it seems, recalled its envoy to Chile after a dispute over fishing rights in coastal waters.";
  EXPECT_EQ(DeleteCommaClauses(kept, rule), kept);
  // A short terminal stretch goes even after a kept internal one.
  EXPECT_EQ(DeleteCommaClauses("Peru, it seems, recalled its envoy.", rule), "Peru, it seems.");
  // Eleven words are more than MAX: kept.
  const char* long_tail = "Peru recalled its envoy, a move that surprised many diplomats in the region this week.";
  EXPECT_EQ(DeleteCommaClauses(long_tail, rule), long_tail);
  EXPECT_EQ(DeleteCommaClauses("No commas here.", rule), "No commas here.");
}

// A member of a list of names between commas is no clause: TABARI does not
// evaluate commas inside its compound actors.
TEST(TabariComma, ListMembersStay) {
  CommaRule rule;
  const std::string list =
      "Evil Chile, the awful Peru, and good Bolivia welcomed the offer of talks with Brazil after a long rift.";
  EXPECT_EQ(DeleteCommaClauses(list, rule), list);
  EXPECT_EQ(DeleteCommaClauses("Evil Chile, the awful neighbour, and Bolivia welcomed the offer of talks with "
                               "Brazil after a long rift.", rule),
            "Evil Chile and Bolivia welcomed the offer of talks with Brazil after a long rift.");
  // A long stretch is a clause, however it ends.
  EXPECT_EQ(DeleteCommaClauses("Among them was the Prince of Chile, associated with the IMF and Red Cross, and Peru "
                               "the chief of military intelligence.", rule),
            "Among them was the Prince of Chile and Peru the chief of military intelligence.");
  // A stretch going on the list its comma closed.
  EXPECT_EQ(DeleteCommaClauses("Ties of Chile and Peru may permit talks between Bolivia and Peru, and Brazil and "
                               "Chile, the newspaper El Pais said on Friday.", rule),
            "Ties of Chile and Peru may permit talks between Bolivia and Peru, and Brazil and Chile.");
}

TEST(TabariComma, OptionsChangeTheLengthsOrTurnItOff) {
  CommaRule rule;
  EXPECT_TRUE(ApplyCommaOption("COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8", &rule));
  EXPECT_EQ(rule.min, 4);
  EXPECT_EQ(rule.max, 6);
  EXPECT_EQ(rule.emin, 3);
  EXPECT_EQ(rule.bmax, 8);
  // Initial stretch of 5 words (3 < 5 <= 8) goes; the terminal one of 7
  // words stays (7 > EMAX 6).
  EXPECT_EQ(DeleteCommaClauses("Peru is about to recall, its envoy to Chile left, said the chief spokesman of the ministry.", rule),
            "its envoy to Chile left, said the chief spokesman of the ministry.");
  EXPECT_TRUE(ApplyCommaOption("COMMA: OFF", &rule));
  EXPECT_EQ(DeleteCommaClauses("Peru recalled its envoy, the ministry said.", rule),
            "Peru recalled its envoy, the ministry said.");
  EXPECT_TRUE(ApplyCommaOption("COMMA: MIN=2 MAX=10 EMIN= 2 EMAX =10", &rule));
  EXPECT_FALSE(rule.off);
  EXPECT_EQ(rule.emax, 10);
  EXPECT_FALSE(ApplyCommaOption("SET: CODE ALL", &rule));
}

}  // namespace
}  // namespace faultline::peers
