// TABARI's COMPLEX: option as its validation suite writes it.
#include "peers/tabari_complex.h"

#include <gtest/gtest.h>

namespace faultline::peers {
namespace {

TEST(TabariComplex, EachOptionStatesTheWholeFilter) {
  Complexity c;
  EXPECT_FALSE(ApplyComplexOption("SET: CODE ALL", &c));
  EXPECT_FALSE(c.any());
  ASSERT_TRUE(ApplyComplexOption("COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN", &c));
  EXPECT_EQ(c.verbs, 5);
  EXPECT_EQ(c.conjunctions, 4);
  EXPECT_TRUE(c.no_actor_prior);
  ASSERT_TRUE(ApplyComplexOption(" complex: verbs[6] ACTORS[8] explain ", &c));
  EXPECT_EQ(c.verbs, 6);
  EXPECT_EQ(c.conjunctions, 0);
  EXPECT_FALSE(c.no_actor_prior);
  ASSERT_TRUE(ApplyComplexOption("COMPLEX: VERBS[x] CONJ[]", &c));
  EXPECT_FALSE(c.any());
}

}  // namespace
}  // namespace faultline::peers
