// A throwaway PostgreSQL server for gtest programs (header-only).
//
// The first test that needs it starts one server for the whole program with
// scripts/pg-test-server.sh (a cluster in a fresh /tmp folder, on a free port
// near 55432 + pid % 1000); a global gtest environment destroys it at the end.
// Derive the test fixture from PostgresTest:
//
//   TEST_F(PostgresTest, Something) { auto db = OpenPostgres(url()); ... }
//
// Tests skip (GTEST_SKIP) only when the script says PostgreSQL cannot run on
// this machine (exit 77); any other start-up fault fails them.
// FAULTLINE_TEST_POSTGRES_URL=postgresql://... uses an existing server
// instead (then Restart() is not available).
#ifndef FAULTLINE_STORE_TEST_POSTGRES_H_
#define FAULTLINE_STORE_TEST_POSTGRES_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include <gtest/gtest.h>

#include "faultline/status.h"

namespace faultline {

class TestPostgres {
 public:
  enum class State { kNotStarted, kRunning, kUnavailable, kFailed };

  // One server per test program: it takes seconds to create.
  static TestPostgres& Get() {
    static TestPostgres server;
    return server;
  }

  // Starts the server on first use; later calls return the same state.
  State Start() {
    if (state_ != State::kNotStarted) return state_;
    if (const char* env = std::getenv("FAULTLINE_TEST_POSTGRES_URL"); env && *env) {
      url_ = env;
      external_ = true;
      return state_ = State::kRunning;
    }
    return state_ = StartOnFreePort();
  }

  const std::string& url() const { return url_; }
  // Why the server is not running (kUnavailable / kFailed).
  const std::string& problem() const { return problem_; }

  // Stops and starts the server on the same folder and port: data stays,
  // every open session is cut, as when a production server restarts.
  Status Restart() {
    if (state_ != State::kRunning || external_) {
      return Status::Invalid("restart needs the test's own server");
    }
    std::string out;
    if (Script("stop " + dir_, &out) != 0) return Status::IOError("stop failed: " + out);
    if (Script("start " + dir_ + " " + std::to_string(port_), &out) != 0) {
      return Status::IOError("restart failed on port " + std::to_string(port_) + ": " + out);
    }
    return Status::Ok();
  }

  // Stops the server and removes its folder; safe to call twice.
  void Destroy() {
    if (dir_.empty()) return;
    std::string out;
    Script("destroy " + dir_, &out);
    dir_.clear();
    if (state_ == State::kRunning && !external_) state_ = State::kNotStarted;
  }

  ~TestPostgres() { Destroy(); }

 private:
  TestPostgres() = default;

  static std::string ScriptPath() {
#ifdef FAULTLINE_SOURCE_DIR
    return std::string(FAULTLINE_SOURCE_DIR) + "/scripts/pg-test-server.sh";
#else
    return "scripts/pg-test-server.sh";
#endif
  }

  // Runs the script with `args`; its stdout and stderr go to *out (on
  // success the URL is the last line). Returns its exit code, -1 if it did
  // not run.
  static int Script(const std::string& args, std::string* out) {
    const std::string cmd = "bash '" + ScriptPath() + "' " + args + " 2>&1";
    FILE* p = popen(cmd.c_str(), "r");
    if (p == nullptr) return -1;
    char buf[512];
    out->clear();
    while (std::fgets(buf, sizeof buf, p) != nullptr) *out += buf;
    int status = pclose(p);
    while (!out->empty() && (out->back() == '\n' || out->back() == ' ')) out->pop_back();
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  State StartOnFreePort() {
    char tmpl[] = "/tmp/faultline-pg.XXXXXX";
    if (mkdtemp(tmpl) == nullptr) {
      problem_ = "cannot create a temporary folder for the server";
      return State::kFailed;
    }
    dir_ = tmpl;
    const int first = 55432 + static_cast<int>(getpid() % 1000);
    for (int port = first; port < first + 20; ++port) {
      std::string out;
      const int rc = Script("start " + dir_ + " " + std::to_string(port), &out);
      if (rc == 75) continue;  // port taken: try the next one
      if (rc == 0) {
        port_ = port;
        url_ = out.substr(out.rfind('\n') + 1);  // npos + 1 == 0: one line
        return State::kRunning;
      }
      problem_ = "scripts/pg-test-server.sh start exited " + std::to_string(rc) + ": " + out;
      Destroy();  // a half-started server must not outlive the program
      return rc == 77 ? State::kUnavailable : State::kFailed;
    }
    problem_ = "no free port in " + std::to_string(first) + ".." + std::to_string(first + 19);
    return State::kFailed;
  }

  State state_ = State::kNotStarted;
  bool external_ = false;
  std::string dir_;
  int port_ = 0;
  std::string url_;
  std::string problem_;
};

// Destroys the server after the last test (gtest calls TearDown once).
class TestPostgresEnvironment : public ::testing::Environment {
 public:
  void TearDown() override { TestPostgres::Get().Destroy(); }
};

inline ::testing::Environment* const kTestPostgresEnvironment =
    ::testing::AddGlobalTestEnvironment(new TestPostgresEnvironment);

// Base fixture: skips when PostgreSQL cannot run here, fails when it should
// but did not start.
class PostgresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    TestPostgres& pg = TestPostgres::Get();
    switch (pg.Start()) {
      case TestPostgres::State::kRunning:
        return;
      case TestPostgres::State::kUnavailable:
        GTEST_SKIP() << "PostgreSQL is not available here: " << pg.problem();
      default:
        FAIL() << "test PostgreSQL server did not start: " << pg.problem();
    }
  }

  static const std::string& url() { return TestPostgres::Get().url(); }
};

}  // namespace faultline

#endif  // FAULTLINE_STORE_TEST_POSTGRES_H_
