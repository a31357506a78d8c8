#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"
#include "platform/auth/principal.h"
#include "platform/auth/role.h"

// The workflow engine's rules (issue 7, docs/adr/0002-workflow-first.md): declarative state
// machines for everything that is approved in Sinergi (performance agreements, realization
// verification, policy proposals, directives, budget shifts). A definition names its states
// (with an optional deadline and who a late item escalates to) and its transitions: from and
// to, who may take them (roles and the scope of the role against the item: the region, the
// item's own agency, or the assistant's cluster), whether a comment or named fields are
// required, and four-eyes rules (the actors of some earlier steps may not take this one).
//
// This file is pure: it decides, from a definition, an item's current state and its timeline,
// whether a person may take a step now, and what the step is. Storage (the item's state with
// an optimistic version, and its timeline) lives beside the contexts that use it.

namespace sinergi::workflow {

// Whose grant of a role counts for an item.
enum class Scope {
  region,      // any holder of the role in the item's region
  own_agency,  // a holder whose grant is for the item's agency (agency head, agency staff)
  own_cluster  // a holder whose grant is for the item's cluster of agencies (assistant)
};

struct StateDefinition {
  std::string name;
  bool final = false;
  // How long an item may stay in this state; past it, it is overdue and escalates.
  std::optional<std::chrono::hours> deadline;
  std::optional<auth::Role> escalate_to;
};

struct Transition {
  std::string name;  // "approve"; unique among the transitions leaving one state
  std::string from;
  std::string to;
  std::vector<auth::Role> roles;
  Scope scope = Scope::region;
  bool comment_required = false;
  std::vector<std::string> required_fields;  // keys the step must carry, non-empty
  // Four-eyes: whoever took one of these transitions on the item may not take this one
  // (the submitter of a proposal does not approve it).
  std::vector<std::string> not_by_actors_of;
};

struct Definition {
  std::string name;  // "performance_agreement"
  int version = 1;
  std::string initial;
  std::vector<StateDefinition> states;
  std::vector<Transition> transitions;

  const StateDefinition* state(std::string_view state_name) const;
};

// The problems of a definition: a name of 1-60 lower-case letters, digits or '_'; unique
// state names; the initial state defined and not final; every transition from a defined,
// non-final state to a defined state, with at least one role, a name unique among those
// leaving its state, and four-eyes references to transitions that exist; a deadline of at
// least one hour with an escalation role, or neither. Field errors on "name", "initial",
// "states[i]", "transitions[i]".
std::vector<FieldError> check_definition(const Definition& definition);

// One step of an item's timeline, as stored.
struct Step {
  int sequence = 0;  // 1, 2, ...
  std::string transition;
  std::string from;
  std::string to;
  std::int64_t actor_user_id = 0;
  std::string actor_name;
  std::string at;  // ISO 8601 UTC
  std::string comment;
  std::map<std::string, std::string> fields;
  std::vector<std::string> attachments;  // content addresses or links
};

// What the rules need to know of an item.
struct Item {
  std::int64_t region_id = 0;
  std::optional<std::int64_t> agency_id;
  std::optional<std::string> cluster;
  std::string state;
  std::chrono::system_clock::time_point entered_at;  // when it entered `state`
  std::vector<Step> steps;                           // the timeline so far, in order
};

struct StepRequest {
  std::string transition;
  std::string comment;
  std::map<std::string, std::string> fields;
  std::vector<std::string> attachments;
};

// Decides whether `actor` may take `request` on `item` now. The answer is the step to
// append (sequence, actor, from, to, comment, fields, attachments; `at` left for the caller,
// who owns the clock), or:
//   Conflict          the item is not in a state the transition leaves (it moved on: reload)
//   Forbidden         the actor holds none of the transition's roles in its scope, belongs
//                     to another region, or took a step the four-eyes rule excludes
//   ValidationFailed  the comment or a required field is missing (field errors "comment",
//                     "fields.<key>")
//   NotFound          the definition has no such transition
Result<Step> decide(const Definition& definition, const Item& item, const auth::Principal& actor,
                    const StepRequest& request);

// The transitions `actor` may take on `item` now (the buttons to show, an approver's inbox),
// in definition order.
std::vector<const Transition*> available(const Definition& definition, const Item& item,
                                         const auth::Principal& actor);

// When the item's state has a deadline and `now` is past it: the moment it fell due and who
// it escalates to.
struct Overdue {
  std::chrono::system_clock::time_point due_at;
  auth::Role escalate_to = auth::Role::secretary;
};
std::optional<Overdue> overdue(const Definition& definition, const Item& item,
                               std::chrono::system_clock::time_point now);

}  // namespace sinergi::workflow
