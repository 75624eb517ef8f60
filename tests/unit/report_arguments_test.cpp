// Reports record the options of their run: a database password given to --engine stays out.
#include <catch2/catch.hpp>

#include "nogood/report/report.hpp"

using nogood::report::without_password;

TEST_CASE("a password in a database URI is hidden") {
  CHECK(without_password("postgresql://desk:s3cret@db.example.org:5432/news") == "postgresql://desk:***@db.example.org:5432/news");
  CHECK(without_password("--engine=postgres://desk:p@ss@db/news") == "--engine=postgres://desk:***@db/news");
  CHECK(without_password("postgresql:///news?host=/run/pg&password=s3cret&user=desk") == "postgresql:///news?host=/run/pg&password=***&user=desk");
}

TEST_CASE("arguments without a password are kept as given") {
  CHECK(without_password("postgresql://desk@db/news") == "postgresql://desk@db/news");
  CHECK(without_password("postgresql:///news?host=/tmp/pg&user=nogood") == "postgresql:///news?host=/tmp/pg&user=nogood");
  CHECK(without_password("--format") == "--format");
  CHECK(without_password("notes: a password=kept") == "notes: a password=kept");
}
