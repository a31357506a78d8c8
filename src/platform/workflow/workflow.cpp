#include "platform/workflow/workflow.h"

#include <algorithm>
#include <set>

#include "core/input_text.h"

namespace sinergi::workflow {
namespace {

bool valid_name(std::string_view name) {
  return !name.empty() && name.size() <= 60 && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || is_ascii_digit(c) || c == '_';
  });
}

const Transition* find_transition(const Definition& definition, std::string_view name) {
  for (const Transition& transition : definition.transitions) {
    if (transition.name == name) {
      return &transition;
    }
  }
  return nullptr;
}

// The actor holds one of the transition's roles with a scope that covers the item.
bool holds_role(const Transition& transition, const Item& item, const auth::Principal& actor) {
  if (!actor.is_authenticated() || actor.region_id != item.region_id) {
    return false;
  }
  for (const auth::RoleGrant& grant : actor.roles) {
    if (std::find(transition.roles.begin(), transition.roles.end(), grant.role) == transition.roles.end()) {
      continue;
    }
    switch (transition.scope) {
      case Scope::region:
        return true;
      case Scope::own_agency:
        if (item.agency_id && grant.agency_id == item.agency_id) {
          return true;
        }
        break;
      case Scope::own_cluster:
        if (item.cluster && grant.cluster == item.cluster) {
          return true;
        }
        break;
    }
  }
  return false;
}

// Four-eyes: the actor took none of the excluded transitions on this item.
bool passes_four_eyes(const Transition& transition, const Item& item, const auth::Principal& actor) {
  if (transition.not_by_actors_of.empty() || !actor.user_id) {
    return true;
  }
  return std::none_of(item.steps.begin(), item.steps.end(), [&](const Step& step) {
    return step.actor_user_id == *actor.user_id &&
           std::find(transition.not_by_actors_of.begin(), transition.not_by_actors_of.end(),
                     step.transition) != transition.not_by_actors_of.end();
  });
}

}  // namespace

const StateDefinition* Definition::state(std::string_view state_name) const {
  for (const StateDefinition& candidate : states) {
    if (candidate.name == state_name) {
      return &candidate;
    }
  }
  return nullptr;
}

std::vector<FieldError> check_definition(const Definition& definition) {
  std::vector<FieldError> errors;
  if (!valid_name(definition.name)) {
    add_field_error(errors, "name", "nama alur: 1-60 huruf kecil, angka atau garis bawah",
                    "workflow name: 1-60 lower-case letters, digits or underscores");
  }
  std::set<std::string> names;
  for (std::size_t index = 0; index < definition.states.size(); ++index) {
    const StateDefinition& state = definition.states[index];
    const std::string field = "states[" + std::to_string(index) + "]";
    if (!valid_name(state.name) || !names.insert(state.name).second) {
      add_field_error(errors, field, "nama status kosong, tidak sah atau ganda: '" + state.name + "'",
                      "state name empty, invalid or repeated: '" + state.name + "'");
    }
    if (state.deadline.has_value() != state.escalate_to.has_value() ||
        (state.deadline && *state.deadline < std::chrono::hours(1))) {
      add_field_error(errors, field, "batas waktu (minimal 1 jam) dan tujuan eskalasi diisi bersama",
                      "a deadline (at least 1 hour) and an escalation role go together");
    }
  }
  const StateDefinition* initial = definition.state(definition.initial);
  if (initial == nullptr || initial->final) {
    add_field_error(errors, "initial", "status awal harus status yang ada dan bukan status akhir",
                    "the initial state must be a defined, non-final state");
  }
  for (std::size_t index = 0; index < definition.transitions.size(); ++index) {
    const Transition& transition = definition.transitions[index];
    const std::string field = "transitions[" + std::to_string(index) + "]";
    const StateDefinition* from = definition.state(transition.from);
    if (!valid_name(transition.name)) {
      add_field_error(errors, field, "nama langkah tidak sah: '" + transition.name + "'",
                      "invalid transition name: '" + transition.name + "'");
    }
    if (from == nullptr || from->final || definition.state(transition.to) == nullptr) {
      add_field_error(errors, field,
                      "langkah " + transition.name + " harus dari status yang bukan akhir ke status yang ada",
                      "transition " + transition.name + " must go from a non-final state to a defined state");
    }
    if (transition.roles.empty()) {
      add_field_error(errors, field, "langkah " + transition.name + " memerlukan minimal satu peran",
                      "transition " + transition.name + " needs at least one role");
    }
    for (std::size_t other = 0; other < index; ++other) {
      if (definition.transitions[other].name == transition.name &&
          definition.transitions[other].from == transition.from) {
        add_field_error(errors, field, "langkah " + transition.name + " dari " + transition.from + " ganda",
                        "transition " + transition.name + " from " + transition.from + " is repeated");
      }
    }
    for (const std::string& excluded : transition.not_by_actors_of) {
      if (find_transition(definition, excluded) == nullptr) {
        add_field_error(errors, field, "aturan empat mata menyebut langkah yang tidak ada: " + excluded,
                        "the four-eyes rule names an unknown transition: " + excluded);
      }
    }
  }
  return errors;
}

Result<Step> decide(const Definition& definition, const Item& item, const auth::Principal& actor,
                    const StepRequest& request) {
  const Transition* named = find_transition(definition, request.transition);
  if (named == nullptr) {
    return Error(ErrorCode::NotFound, {"Langkah " + excerpt_for_message(request.transition)});
  }
  // The transition of that name that leaves the item's current state.
  const Transition* transition = nullptr;
  for (const Transition& candidate : definition.transitions) {
    if (candidate.name == request.transition && candidate.from == item.state) {
      transition = &candidate;
    }
  }
  if (transition == nullptr) {
    return Error::with_fields(ErrorCode::Conflict,
                              {FieldError{"transition",
                                          "langkah " + request.transition + " tidak tersedia pada status " +
                                              item.state + "; muat ulang untuk melihat status terkini",
                                          "the step " + request.transition + " is not available in state " +
                                              item.state + "; reload to see the current state"}});
  }
  if (!holds_role(*transition, item, actor)) {
    return Error(ErrorCode::Forbidden);
  }
  if (!passes_four_eyes(*transition, item, actor)) {
    return Error::with_fields(
        ErrorCode::Forbidden,
        {FieldError{"transition",
                    "langkah ini harus diambil orang lain, bukan yang mengajukan atau "
                    "memeriksa sebelumnya (prinsip empat mata)",
                    "someone else must take this step, not who submitted or reviewed it "
                    "before (four-eyes principle)"}});
  }
  std::vector<FieldError> errors;
  const std::string comment(trim_ascii_whitespace(request.comment));
  if (transition->comment_required && comment.empty()) {
    add_field_error(errors, "comment", "wajib diisi: jelaskan alasannya", "is required: give the reason");
  } else if (!comment.empty()) {
    check_text_field(comment, 4000, errors, "comment");
  }
  for (const std::string& key : transition->required_fields) {
    const auto found = request.fields.find(key);
    if (found == request.fields.end() || trim_ascii_whitespace(found->second).empty()) {
      add_field_error(errors, "fields." + key, "wajib diisi", "is required");
    }
  }
  if (!errors.empty()) {
    return Error::with_fields(ErrorCode::ValidationFailed, std::move(errors));
  }
  Step step;
  step.sequence = static_cast<int>(item.steps.size()) + 1;
  step.transition = transition->name;
  step.from = transition->from;
  step.to = transition->to;
  step.actor_user_id = actor.user_id.value_or(0);
  step.actor_name = actor.name;
  step.comment = comment;
  step.fields = request.fields;
  step.attachments = request.attachments;
  return step;
}

std::vector<const Transition*> available(const Definition& definition, const Item& item,
                                         const auth::Principal& actor) {
  std::vector<const Transition*> result;
  for (const Transition& transition : definition.transitions) {
    if (transition.from == item.state && holds_role(transition, item, actor) &&
        passes_four_eyes(transition, item, actor)) {
      result.push_back(&transition);
    }
  }
  return result;
}

std::optional<Overdue> overdue(const Definition& definition, const Item& item,
                               std::chrono::system_clock::time_point now) {
  const StateDefinition* state = definition.state(item.state);
  if (state == nullptr || state->final || !state->deadline || !state->escalate_to) {
    return std::nullopt;
  }
  const auto due_at = item.entered_at + *state->deadline;
  if (now <= due_at) {
    return std::nullopt;
  }
  return Overdue{due_at, *state->escalate_to};
}

}  // namespace sinergi::workflow
