// The grammar's rules, declared once for every group. Each group (lexical, term, literal,
// statement) defines its rules in <group>_def.hpp and instantiates them in <group>.cpp, so a
// change to one group recompiles one small translation unit.
#pragma once

#include <vector>

#include "config.hpp"
#include "syntax.hpp"

namespace nogood::rules::grammar {

// Rule IDs deriving from this record the span of what they parsed in the node's `span`.
struct annotate_span {
  template <typename Iterator, typename Node, typename Context>
  void on_success(Iterator const& first, Iterator const& last, Node& node, Context const& context) const {
    if constexpr (requires { node.span; }) node.span = x3::get<source_tag>(context).span(first, last);
  }
};

// lexical group
struct lower_name_class : annotate_span {};
struct any_name_class : annotate_span {};
struct variable_class : annotate_span {};
struct symbol_class : annotate_span {};
struct string_lit_class : annotate_span {};
struct number_class : annotate_span {};
struct date_class : annotate_span {};
using lower_name_type = x3::rule<lower_name_class, syntax::name>;
using any_name_type = x3::rule<any_name_class, syntax::name>;
using variable_type = x3::rule<variable_class, syntax::variable>;
using symbol_type = x3::rule<symbol_class, syntax::symbol>;
using string_lit_type = x3::rule<string_lit_class, syntax::string_lit>;
using number_type = x3::rule<number_class, syntax::number>;
using date_type = x3::rule<date_class, syntax::date>;
BOOST_SPIRIT_DECLARE(lower_name_type, any_name_type, variable_type, symbol_type, string_lit_type, number_type,
                     date_type)
lower_name_type const lower_name = "name";
any_name_type const any_name = "name";
variable_type const variable = "variable";
symbol_type const symbol = "symbol";
string_lit_type const string_lit = "string";
number_type const number = "number";
date_type const date = "date";

// term group
struct chain_class : annotate_span {};
struct primary_class {};
struct paren_class : annotate_span {};  // the span of `( ... )`, parentheses included
struct application_class : annotate_span {};
struct count_aggregate_class : annotate_span {};
using chain_type = x3::rule<chain_class, syntax::chain>;
using primary_type = x3::rule<primary_class, syntax::primary>;
using paren_type = x3::rule<paren_class, syntax::chain>;
using application_type = x3::rule<application_class, syntax::application>;
using count_aggregate_type = x3::rule<count_aggregate_class, syntax::count_aggregate>;
BOOST_SPIRIT_DECLARE(chain_type, primary_type, paren_type, application_type, count_aggregate_type)
chain_type const chain = "term";
primary_type const primary = "term";
paren_type const paren = "parenthesised term";
application_type const application = "application";
count_aggregate_type const count_aggregate = "count aggregate";

// literal group
struct literal_class {};
struct body_class {};
struct args_class {};
struct atom_class : annotate_span {};
struct negation_class : annotate_span {};
struct condition_class : annotate_span {};
struct condition_tail_class {};
struct comparison_tail_class {};
struct annotations_class {};
struct membership_tail_class {};
struct within_tail_class {};
struct set_ref_class {};
struct set_values_class : annotate_span {};
struct set_items_class {};
struct alternative_class : annotate_span {};
struct disjunction_class : annotate_span {};
struct negated_conjunction_class : annotate_span {};
using literal_type = x3::rule<literal_class, syntax::literal>;
using body_type = x3::rule<body_class, std::vector<syntax::literal>>;
using args_type = x3::rule<args_class, std::vector<syntax::chain>>;
using atom_type = x3::rule<atom_class, syntax::atom>;
using negation_type = x3::rule<negation_class, syntax::negation>;
using condition_type = x3::rule<condition_class, syntax::condition>;
using condition_tail_type = x3::rule<condition_tail_class, syntax::condition_tail>;
using comparison_tail_type = x3::rule<comparison_tail_class, syntax::comparison_tail>;
using annotations_type = x3::rule<annotations_class, syntax::annotations>;
using membership_tail_type = x3::rule<membership_tail_class, syntax::membership_tail>;
using within_tail_type = x3::rule<within_tail_class, syntax::within_tail>;
using set_ref_type = x3::rule<set_ref_class, syntax::set_ref>;
using set_values_type = x3::rule<set_values_class, syntax::set_values>;
using set_items_type = x3::rule<set_items_class, std::vector<syntax::chain>>;
using alternative_type = x3::rule<alternative_class, syntax::alternative>;
using disjunction_type = x3::rule<disjunction_class, syntax::disjunction>;
using negated_conjunction_type = x3::rule<negated_conjunction_class, syntax::negated_conjunction>;
BOOST_SPIRIT_DECLARE(literal_type, body_type, args_type, atom_type, negation_type, condition_type,
                     condition_tail_type, comparison_tail_type, annotations_type, membership_tail_type, set_ref_type,
                     set_values_type, set_items_type, alternative_type, disjunction_type, negated_conjunction_type, within_tail_type)
literal_type const literal = "literal";
body_type const body = "body";
args_type const args = "arguments";
atom_type const atom = "atom";
negation_type const negation = "negation";
condition_type const condition = "condition";
condition_tail_type const condition_tail = "condition";
comparison_tail_type const comparison_tail = "comparison";
annotations_type const annotations = "annotations";
membership_tail_type const membership_tail = "membership";
within_tail_type const within_tail = "within";
set_ref_type const set_ref = "set";
set_values_type const set_values = "set values";
set_items_type const set_items = "set values";
alternative_type const alternative = "alternative";
disjunction_type const disjunction = "alternatives";
negated_conjunction_type const negated_conjunction = "negated conjunction";

// statement group (rules and constraints) and declaration group (everything else)
struct statement_class {};
struct rule_stmt_class : annotate_span {};
struct rule_tail_class {};
struct constraint_stmt_class : annotate_span {};
struct import_stmt_class : annotate_span {};
struct pred_decl_class : annotate_span {};
struct params_class {};
struct parameter_class {};
struct unique_stmt_class : annotate_span {};
struct unique_keys_class {};
struct unique_scope_class {};
struct grouped_word_class : annotate_span {};
struct tolerance_class {};
struct negation_check_stmt_class : annotate_span {};
struct negation_setting_class : annotate_span {};
struct vocabulary_stmt_class : annotate_span {};
struct vocabulary_values_class {};
struct label_stmt_class : annotate_span {};
struct set_stmt_class : annotate_span {};
using statement_type = x3::rule<statement_class, syntax::statement>;
using rule_stmt_type = x3::rule<rule_stmt_class, syntax::rule_stmt>;
using rule_tail_type = x3::rule<rule_tail_class, std::vector<syntax::literal>>;
using constraint_stmt_type = x3::rule<constraint_stmt_class, syntax::constraint_stmt>;
using import_stmt_type = x3::rule<import_stmt_class, syntax::import_stmt>;
using pred_decl_type = x3::rule<pred_decl_class, syntax::pred_decl>;
using params_type = x3::rule<params_class, std::vector<syntax::parameter>>;
using parameter_type = x3::rule<parameter_class, syntax::parameter>;
using unique_stmt_type = x3::rule<unique_stmt_class, syntax::unique_stmt>;
using unique_keys_type = x3::rule<unique_keys_class, std::vector<syntax::name>>;
using unique_scope_type = x3::rule<unique_scope_class, ast::UniqueScope>;
using grouped_word_type = x3::rule<grouped_word_class, syntax::name>;
using tolerance_type = x3::rule<tolerance_class, syntax::tolerance>;
using negation_check_stmt_type = x3::rule<negation_check_stmt_class, syntax::negation_check_stmt>;
using negation_setting_type = x3::rule<negation_setting_class, syntax::name>;
using vocabulary_stmt_type = x3::rule<vocabulary_stmt_class, syntax::vocabulary_stmt>;
using vocabulary_values_type = x3::rule<vocabulary_values_class, std::vector<syntax::vocabulary_value>>;
using label_stmt_type = x3::rule<label_stmt_class, syntax::label_stmt>;
using set_stmt_type = x3::rule<set_stmt_class, syntax::set_stmt>;
BOOST_SPIRIT_DECLARE(statement_type, rule_stmt_type, rule_tail_type, constraint_stmt_type)
BOOST_SPIRIT_DECLARE(import_stmt_type, pred_decl_type, params_type, parameter_type, unique_stmt_type,
                     unique_keys_type, unique_scope_type, grouped_word_type, tolerance_type, negation_check_stmt_type,
                     negation_setting_type, vocabulary_stmt_type, vocabulary_values_type, label_stmt_type,
                     set_stmt_type)
statement_type const statement = "statement";
rule_stmt_type const rule_stmt = "rule";
rule_tail_type const rule_tail = "rule body";
constraint_stmt_type const constraint_stmt = "constraint";
import_stmt_type const import_stmt = "import";
pred_decl_type const pred_decl = "predicate declaration";
params_type const params = "parameters";
parameter_type const parameter = "parameter";
unique_stmt_type const unique_stmt = "unique";
unique_keys_type const unique_keys = "key arguments";
unique_scope_type const unique_scope = "scope";
grouped_word_type const grouped_word = "grouped";
tolerance_type const tolerance = "tolerance";
negation_check_stmt_type const negation_check_stmt = "negation_check";
negation_setting_type const negation_setting = "negation_check setting";
vocabulary_stmt_type const vocabulary_stmt = "vocabulary";
vocabulary_values_type const vocabulary_values = "vocabulary values";
label_stmt_type const label_stmt = "label";
set_stmt_type const set_stmt = "set";

}  // namespace nogood::rules::grammar
