// The PostgreSQL driver against a real, throwaway server (test_postgres.h).
// Each test works in its own tables, dropped first, so tests may run in any
// order against the one server.
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include <gtest/gtest.h>

#include "store/sql.h"
#include "store/test_postgres.h"

namespace faultline {
namespace {

class PostgresConnectionTest : public PostgresTest {
 protected:
  std::unique_ptr<SqlConnection> Open() {
    auto db = OpenPostgres(url());
    EXPECT_TRUE(db.ok()) << db.status().message();
    return db.ok() ? std::move(db.value()) : nullptr;
  }

  // Opens `db_` and (re)creates `table` with `columns`.
  void OpenWithTable(const std::string& table, const std::string& columns) {
    db_ = Open();
    ASSERT_NE(db_, nullptr);
    Status s = db_->Execute("DROP TABLE IF EXISTS " + table + "; CREATE TABLE " + table + " (" +
                            columns + ")");
    ASSERT_TRUE(s.ok()) << s.message();
  }

  std::vector<SqlRow> MustQuery(const std::string& sql, const std::vector<SqlValue>& params = {}) {
    auto rows = db_->Query(sql, params);
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    return rows.ok() ? rows.value() : std::vector<SqlRow>{};
  }

  int64_t Count(SqlConnection* db, const std::string& table) {
    auto rows = db->Query("SELECT count(*) FROM " + table);
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    return rows.ok() && !rows->empty() ? rows->front().Int(0) : -1;
  }

  std::unique_ptr<SqlConnection> db_;
};

TEST_F(PostgresConnectionTest, DialectIsPostgres) {
  db_ = Open();
  ASSERT_NE(db_, nullptr);
  EXPECT_EQ(db_->dialect(), SqlDialect::kPostgres);
}

TEST_F(PostgresConnectionTest, PlaceholdersBindInOrder) {
  OpenWithTable("t_place", "a BIGINT, b TEXT");
  MustQuery("INSERT INTO t_place (a, b) VALUES (?, ?)", {int64_t{7}, std::string("seven")});
  auto rows = MustQuery("SELECT b FROM t_place WHERE a = ? AND b = ?",
                        {int64_t{7}, std::string("seven")});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].Text(0), "seven");
}

TEST_F(PostgresConnectionTest, QuestionMarkInsideLiteralsIsNotAPlaceholder) {
  OpenWithTable("t_lit", "a TEXT, b TEXT");
  // One real placeholder; the others sit in a literal (with an escaped
  // quote), a quoted identifier and a comment.
  MustQuery("INSERT INTO t_lit (a, \"b\") VALUES ('what?', ?) -- really?",
            {std::string("x")});
  MustQuery("INSERT INTO t_lit (a, b) VALUES ('it''s ? here', ? /* ? */)", {std::string("y")});
  auto rows = MustQuery("SELECT a, b FROM t_lit ORDER BY b");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].Text(0), "what?");
  EXPECT_EQ(rows[0].Text(1), "x");
  EXPECT_EQ(rows[1].Text(0), "it's ? here");
  EXPECT_EQ(rows[1].Text(1), "y");
}

TEST_F(PostgresConnectionTest, WrongParameterCountIsAnError) {
  db_ = Open();
  ASSERT_NE(db_, nullptr);
  auto rows = db_->Query("SELECT ? + ?", {int64_t{1}});
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.status().message().find("2 placeholders but 1 parameters"), std::string::npos)
      << rows.status().message();
}

TEST_F(PostgresConnectionTest, ValuesRoundTrip) {
  OpenWithTable("t_round", "id BIGINT, n BIGINT, r DOUBLE PRECISION, s TEXT");
  const std::string text = "Kyiv \xe2\x80\x94 'quoted' \"and\" \\ back";
  MustQuery("INSERT INTO t_round VALUES (?, ?, ?, ?)",
            {int64_t{1}, int64_t{-9007199254740993}, 0.1, text});
  MustQuery("INSERT INTO t_round VALUES (?, ?, ?, ?)",
            {int64_t{2}, SqlValue{}, SqlValue{}, SqlValue{}});
  auto rows = MustQuery("SELECT n, r, s FROM t_round ORDER BY id");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(std::get<int64_t>(rows[0].cols[0]), -9007199254740993);
  EXPECT_EQ(std::get<double>(rows[0].cols[1]), 0.1);  // exact: shortest round-trip text
  EXPECT_EQ(std::get<std::string>(rows[0].cols[2]), text);
  for (size_t i = 0; i < 3; ++i) EXPECT_TRUE(rows[1].IsNull(i)) << "column " << i;
}

TEST_F(PostgresConnectionTest, ColumnsAreTypedByPostgresType) {
  OpenWithTable("t_types",
                "i2 SMALLINT, i4 INTEGER, i8 BIGINT, f4 REAL, f8 DOUBLE PRECISION, "
                "num NUMERIC(10,3), b BOOLEAN, d DATE, t TEXT, nul TEXT");
  Status s = db_->Execute(
      "INSERT INTO t_types VALUES (2, 4, 8, 1.5, 2.25, 3.125, true, '2022-02-24', 'x', NULL)");
  ASSERT_TRUE(s.ok()) << s.message();
  auto rows = MustQuery("SELECT * FROM t_types");
  ASSERT_EQ(rows.size(), 1u);
  const auto& c = rows[0].cols;
  ASSERT_EQ(c.size(), 10u);
  EXPECT_EQ(std::get<int64_t>(c[0]), 2);
  EXPECT_EQ(std::get<int64_t>(c[1]), 4);
  EXPECT_EQ(std::get<int64_t>(c[2]), 8);
  EXPECT_EQ(std::get<double>(c[3]), 1.5);
  EXPECT_EQ(std::get<double>(c[4]), 2.25);
  EXPECT_EQ(std::get<double>(c[5]), 3.125);
  EXPECT_EQ(std::get<std::string>(c[6]), "t");  // booleans read as PostgreSQL text
  EXPECT_EQ(std::get<std::string>(c[7]), "2022-02-24");
  EXPECT_EQ(std::get<std::string>(c[8]), "x");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(c[9]));
}

TEST_F(PostgresConnectionTest, ReturningGivesGeneratedKey) {
  OpenWithTable("t_ret", "id BIGSERIAL PRIMARY KEY, s TEXT");
  auto a = MustQuery("INSERT INTO t_ret (s) VALUES (?) RETURNING id", {std::string("a")});
  auto b = MustQuery("INSERT INTO t_ret (s) VALUES (?) RETURNING id", {std::string("b")});
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].Int(0), a[0].Int(0) + 1);
}

TEST_F(PostgresConnectionTest, PreparedStatementIsReused) {
  OpenWithTable("t_reuse", "n BIGINT");
  const std::string insert = "INSERT INTO t_reuse (n) VALUES (?)";
  for (int64_t i = 0; i < 50; ++i) MustQuery(insert, {i});
  // The driver names statements s1, s2, ... per distinct SQL text, so 50
  // inserts add one server-side statement, not 50.
  auto rows = MustQuery(
      "SELECT count(*) FROM pg_prepared_statements WHERE statement = "
      "'INSERT INTO t_reuse (n) VALUES ($1)'");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].Int(0), 1);
  EXPECT_EQ(Count(db_.get(), "t_reuse"), 50);
}

TEST_F(PostgresConnectionTest, RollbackDiscards) {
  OpenWithTable("t_rollback", "n BIGINT");
  ASSERT_TRUE(db_->Begin().ok());
  MustQuery("INSERT INTO t_rollback VALUES (?)", {int64_t{1}});
  EXPECT_EQ(Count(db_.get(), "t_rollback"), 1);  // visible inside the transaction
  ASSERT_TRUE(db_->Rollback().ok());
  EXPECT_EQ(Count(db_.get(), "t_rollback"), 0);
}

TEST_F(PostgresConnectionTest, CommitIsVisibleFromAnotherConnection) {
  OpenWithTable("t_commit", "n BIGINT");
  auto other = Open();
  ASSERT_NE(other, nullptr);
  ASSERT_TRUE(db_->Begin().ok());
  MustQuery("INSERT INTO t_commit VALUES (?)", {int64_t{1}});
  MustQuery("INSERT INTO t_commit VALUES (?)", {int64_t{2}});
  EXPECT_EQ(Count(other.get(), "t_commit"), 0);  // not yet committed
  ASSERT_TRUE(db_->Commit().ok());
  EXPECT_EQ(Count(other.get(), "t_commit"), 2);
}

TEST_F(PostgresConnectionTest, TransactionMisuseIsAnError) {
  db_ = Open();
  ASSERT_NE(db_, nullptr);
  EXPECT_FALSE(db_->Commit().ok());
  EXPECT_FALSE(db_->Rollback().ok());
  ASSERT_TRUE(db_->Begin().ok());
  EXPECT_FALSE(db_->Begin().ok());
  EXPECT_TRUE(db_->Rollback().ok());
}

TEST_F(PostgresConnectionTest, ExecuteRunsSeveralStatements) {
  db_ = Open();
  ASSERT_NE(db_, nullptr);
  Status s = db_->Execute(
      "DROP TABLE IF EXISTS t_multi;\n"
      "CREATE TABLE t_multi (n BIGINT);\n"
      "INSERT INTO t_multi VALUES (1);\n"
      "INSERT INTO t_multi VALUES (2);");
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(Count(db_.get(), "t_multi"), 2);
}

TEST_F(PostgresConnectionTest, BadSqlNamesTheProblem) {
  db_ = Open();
  ASSERT_NE(db_, nullptr);
  auto rows = db_->Query("SELEC 1");
  ASSERT_FALSE(rows.ok());
  const std::string& msg = rows.status().message();
  EXPECT_NE(msg.find("syntax error"), std::string::npos) << msg;
  EXPECT_NE(msg.find("SELEC"), std::string::npos) << msg;

  auto missing = db_->Query("SELECT * FROM no_such_table WHERE a = ?", {int64_t{1}});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("no_such_table"), std::string::npos)
      << missing.status().message();

  Status exec = db_->Execute("CREATE TABLE (");
  EXPECT_FALSE(exec.ok());
  // The connection stays usable after errors.
  auto one = MustQuery("SELECT 1");
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].Int(0), 1);
}

TEST_F(PostgresConnectionTest, ErrorInsideTransactionThenRollback) {
  OpenWithTable("t_txerr", "n BIGINT PRIMARY KEY");
  ASSERT_TRUE(db_->Begin().ok());
  MustQuery("INSERT INTO t_txerr VALUES (?)", {int64_t{1}});
  auto dup = db_->Query("INSERT INTO t_txerr VALUES (?)", {int64_t{1}});
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.status().message().find("duplicate key"), std::string::npos)
      << dup.status().message();
  EXPECT_TRUE(db_->Rollback().ok());
  EXPECT_EQ(Count(db_.get(), "t_txerr"), 0);
}

TEST(PostgresOpenTest, BadUrlIsAnErrorNotACrash) {
  // Port 1 on localhost: nothing listens there, so the refusal is immediate.
  auto refused = OpenPostgres("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2");
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("cannot connect"), std::string::npos)
      << refused.status().message();

  auto garbage = OpenPostgres("postgresql://[::1");
  ASSERT_FALSE(garbage.ok());
  EXPECT_FALSE(garbage.status().message().empty());

  auto via_dispatch = OpenDatabase("host=127.0.0.1 port=1 dbname=none connect_timeout=2");
  EXPECT_FALSE(via_dispatch.ok());
}

TEST_F(PostgresConnectionTest, ReconnectsAfterServerRestart) {
  OpenWithTable("t_restart", "n BIGINT");
  MustQuery("INSERT INTO t_restart VALUES (?)", {int64_t{1}});
  Status restart = TestPostgres::Get().Restart();
  if (!restart.ok()) GTEST_SKIP() << restart.message();
  // The old session is gone; the driver reconnects, re-prepares and retries.
  MustQuery("INSERT INTO t_restart VALUES (?)", {int64_t{2}});
  EXPECT_EQ(Count(db_.get(), "t_restart"), 2);
}

TEST_F(PostgresConnectionTest, RestartInsideTransactionAsksForRedo) {
  OpenWithTable("t_restart_tx", "n BIGINT");
  ASSERT_TRUE(db_->Begin().ok());
  MustQuery("INSERT INTO t_restart_tx VALUES (?)", {int64_t{1}});
  Status restart = TestPostgres::Get().Restart();
  if (!restart.ok()) GTEST_SKIP() << restart.message();
  auto lost = db_->Query("INSERT INTO t_restart_tx VALUES (?)", {int64_t{2}});
  ASSERT_FALSE(lost.ok());
  EXPECT_NE(lost.status().message().find("redo"), std::string::npos) << lost.status().message();
  // The batch is gone; the transaction is closed and a new one works.
  EXPECT_FALSE(db_->Commit().ok());
  ASSERT_TRUE(db_->Begin().ok());
  MustQuery("INSERT INTO t_restart_tx VALUES (?)", {int64_t{3}});
  ASSERT_TRUE(db_->Commit().ok());
  auto rows = MustQuery("SELECT n FROM t_restart_tx");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].Int(0), 3);
}

}  // namespace
}  // namespace faultline
