// ingest/phrase_finder.cc
#include "ingest/phrase_finder.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "ingest/verb_forms.h"
#include "ingest/word_set.h"

namespace mskg::ingest {
namespace {

using schema::NodeType;

// General English and clinical head nouns, by the type they give a phrase.
// Written from general vocabulary (a dictionary's sense of each word), not
// from any document; plurals are listed where the singular is one too.
const absl::flat_hash_map<absl::string_view, NodeType>& HeadWords() {
  static const auto* const kHeads = [] {
    auto* m = new absl::flat_hash_map<absl::string_view, NodeType>();
    auto add = [m](NodeType t, std::initializer_list<absl::string_view> ws) {
      for (absl::string_view w : ws) m->emplace(w, t);
    };
    add(schema::SYMPTOM,
        {"pain", "pains", "ache", "aches", "aching", "soreness", "stiffness",
         "numbness", "tingling", "weakness", "swelling", "tenderness",
         "burning", "cramping", "discomfort", "fatigue", "headache",
         "headaches", "dizziness", "redness", "bruising", "popping",
         "clicking", "grinding", "cracking", "locking", "catching",
         "snapping", "crepitus", "sensation", "sensations", "throbbing",
         "twitching", "instability", "limping", "limp", "nausea", "fever",
         "warmth", "tightness", "heaviness", "pins", "needles", "paresthesia",
         "tinnitus", "vertigo", "insomnia", "irritability"});
    add(schema::CONDITION,
        {"injury", "injuries", "strain", "strains", "sprain", "sprains",
         "tear", "tears", "rupture", "ruptures", "fracture", "fractures",
         "break", "syndrome", "syndromes", "disease", "diseases", "disorder",
         "disorders", "dysfunction", "dysfunctions", "palsy", "impingement",
         "hernia", "herniation", "entrapment", "compression", "deformity",
         "dislocation", "dislocations", "subluxation", "degeneration",
         "contracture", "contractures", "spasm", "spasms", "imbalance",
         "imbalances", "inflammation", "irritation", "infection", "lesion",
         "lesions", "cyst", "cysts", "tumor", "tumors", "tumour", "nodule",
         "nodules", "spur", "spurs", "damage", "trauma", "overload",
         "weakening", "thickening", "stenosis", "instabilities", "paralysis",
         "misalignment", "malalignment", "pronation", "supination",
         "overpronation", "valgus", "varus", "knots", "knot", "adhesions",
         "adhesion", "arthritis", "obesity", "diabetes", "pregnancy", "scoliosis",
         "kyphosis", "lordosis", "sciatica", "whiplash", "gout", "bunion",
         "bunions", "concussion", "bruise", "bruises", "blister", "blisters",
         "separation", "laxity", "hypermobility", "atrophy", "wasting",
         "swayback", "condition"});
    add(schema::TREATMENT,
        {"therapy", "therapies", "treatment", "treatments", "exercise",
         "exercises", "stretch", "stretches", "stretching", "strengthening",
         "training", "workout", "workouts", "routine", "program", "programs",
         "programme", "surgery", "surgeries", "operation", "repair",
         "reconstruction", "replacement", "release", "injection",
         "injections", "shot", "shots", "medication", "medications",
         "medicine", "medicines", "drug", "drugs", "relievers", "reliever",
         "painkillers", "massage", "massages", "brace", "braces", "bracing",
         "splint", "splinting", "cast", "sling", "collar", "taping", "tape",
         "orthotic", "orthotics", "insoles", "inserts", "footwear", "shoes",
         "support", "supports", "pillow", "cushion", "ice", "icing", "heat",
         "rest", "acupuncture", "manipulation", "mobilization",
         "mobilisation", "mobilizations", "adjustment", "adjustments",
         "rehabilitation", "rehab", "physiotherapy", "care", "technique",
         "techniques", "ergonomics", "posture", "modification",
         "modifications", "changes", "breaks", "rolling", "roller",
         "compression", "elevation", "traction", "ultrasound", "stimulation",
         "needling", "cupping", "yoga", "pilates", "walking", "swimming",
         "cycling", "warm", "warmup", "cooldown", "flossing", "gliding",
         "glides", "curls", "raises", "squats", "lunges", "planks", "plank",
         "bridges", "bridge", "rows", "presses", "press", "drills", "drill",
         "movements", "ibuprofen", "naproxen", "acetaminophen", "aspirin",
         "corticosteroids", "steroids", "nsaids", "nsaid", "counseling",
         "education", "strategies", "management", "hydration", "sleep",
         "meditation", "relaxation", "splints"});
    add(schema::TEST,
        {"test", "tests", "testing", "scan", "scans", "mri", "x-ray",
         "x-rays", "xray", "xrays", "ray", "rays", "imaging", "radiograph",
         "radiographs", "ultrasound", "examination", "examinations", "exam",
         "exams", "assessment", "assessments", "evaluation", "evaluations",
         "electromyography", "emg", "biopsy", "screening", "study",
         "studies", "ct", "tomography", "sonography", "arthroscopy",
         "diagnosis", "palpation", "maneuver", "manoeuvre", "sign"});
    add(schema::MUSCLE, {"muscle", "muscles", "musculature", "flexors",
                         "extensors", "rotators", "abductors", "adductors",
                         "stabilizers", "stabilisers"});
    add(schema::STRUCTURE,
        {"tendon", "tendons", "ligament", "ligaments", "joint", "joints",
         "bone", "bones", "cartilage", "disc", "discs", "disk", "disks",
         "vertebra", "vertebrae", "fascia", "bursa", "sheath", "capsule",
         "tissue", "tissues", "spine", "meniscus", "labrum", "arch",
         "tunnel"});
    add(schema::NERVE, {"nerve", "nerves", "plexus"});
    add(schema::CAUSE,
        {"overuse", "activities", "activity", "movement", "motions", "motion",
         "sitting", "standing", "lifting", "running", "typing", "carrying",
         "twisting", "bending", "reaching", "gripping", "age", "aging",
         "ageing", "accident", "accidents", "fall", "falls", "impact",
         "stress", "load", "loads", "loading", "habits", "habit", "lifestyle",
         "sports", "sport", "occupation", "work", "jobs", "job", "genetics",
         "history", "weight", "smoking", "mechanics", "technique", "shoes",
         "footwear", "surfaces", "terrain", "mileage", "force", "forces",
         "pressure", "tension", "inactivity", "immobility", "repetition",
         "vibration"});
    return m;
  }();
  return *kHeads;
}

// Function words, auxiliaries, common verbs and adverbs: a phrase never
// spans one. General English.
const absl::flat_hash_set<absl::string_view>& Breakers() {
  static const auto* const kBreakers =
      new absl::flat_hash_set<absl::string_view>({
          // Articles, demonstratives, possessives, quantifiers.
          "the", "a", "an", "this", "that", "these", "those", "my", "your",
          "his", "her", "its", "our", "their", "some", "any", "each", "every",
          "no", "all", "both", "either", "neither", "many", "much", "more",
          "most", "less", "least", "few", "several", "such", "other",
          "another", "same", "own", "one's", "whose",
          // Pronouns and wh-words.
          "i", "you", "he", "she", "it", "we", "they", "me", "him", "us",
          "them", "myself", "yourself", "itself", "themselves", "who", "whom",
          "which", "what", "where", "when", "why", "how", "whether", "there",
          "here", "something", "anything", "everything", "nothing", "someone",
          "anyone", "everyone", "one", "ones", "it's", "i'm", "you're",
          "they're", "that's", "there's", "what's", "i've", "you've",
          "we're", "i'd",
          // Prepositions and conjunctions.
          "of", "in", "on", "at", "to", "for", "with", "from", "by", "about",
          "into", "onto", "over", "under", "after", "before", "during",
          "through", "throughout", "without", "within", "between", "among",
          "against", "along", "around", "behind", "below", "beneath",
          "above", "across", "beyond", "up", "down", "out", "off", "near",
          "toward", "towards", "upon", "via", "like", "unlike", "than", "as",
          "per", "until", "till", "since", "despite", "except", "and", "or",
          "but", "nor", "so", "yet", "because", "if", "unless", "while",
          "whereas", "although", "though", "then", "also", "plus", "versus",
          "vs", "etc", "including", "especially", "particularly", "namely",
          // Auxiliaries, modals, negation.
          "is", "are", "was", "were", "be", "been", "being", "am", "has",
          "have", "had", "having", "do", "does", "did", "done", "doing",
          "can", "could", "will", "would", "shall", "should", "may", "might",
          "must", "not", "never", "cannot", "can't", "don't", "doesn't",
          "didn't", "won't", "isn't", "aren't", "wasn't", "weren't",
          "shouldn't", "wouldn't", "couldn't", "haven't", "hasn't",
          // Adverbs and degree words.
          "very", "too", "just", "even", "only", "often", "usually",
          "sometimes", "always", "again", "still", "already", "now", "soon",
          "later", "once", "twice", "well", "really", "quite", "rather",
          "almost", "enough", "however", "therefore", "thus", "hence",
          "instead", "also", "perhaps", "maybe", "ever", "away", "back",
          "together", "else", "yes", "not", "how", "far", "ago",
          "first", "last", "next", "finally", "overall", "generally",
          "mostly", "typically", "commonly", "rarely", "frequently",
          "eventually", "especially", "literally", "actually", "easily",
          // Common verbs (all their forms that are not also nouns of a
          // phrase: "stretch" and "rest" are heads, "cause" is a cue).
          "get", "gets", "got", "gotten", "getting", "make", "makes", "made",
          "making", "take", "takes", "took", "taken", "taking", "give",
          "gives", "gave", "given", "giving", "go", "goes", "went", "gone",
          "going", "come", "comes", "came", "coming", "keep", "keeps", "kept",
          "keeping", "let", "lets", "put", "puts", "putting", "say", "says",
          "said", "see", "sees", "saw", "seen", "seeing", "know", "knows",
          "knew", "known", "think", "thinks", "thought", "feel", "feels",
          "felt", "feeling", "find", "finds", "found", "try", "tries",
          "tried", "trying", "use", "uses", "used", "using", "need", "needs",
          "needed", "want", "wants", "wanted", "help", "helps", "helped",
          "helping", "cause", "causes", "caused", "causing", "lead", "leads",
          "led", "leading", "result", "results", "resulted", "resulting",
          "include", "includes", "included", "involve", "involves",
          "involved", "involving", "become", "becomes", "became", "becoming",
          "seem", "seems", "seemed", "look", "looks", "looked", "start",
          "starts", "started", "begin", "begins", "began", "happen",
          "happens", "happened", "occur", "occurs", "occurred", "develop",
          "develops", "developed", "experience", "experiences",
          "experienced", "affect", "affects", "affected", "affecting",
          "reduce", "reduces", "reduced", "reducing", "relieve", "relieves",
          "relieved", "relieving", "ease", "eases", "eased", "prevent",
          "prevents", "prevented", "preventing", "treat", "treats", "treated",
          "avoid", "avoids", "avoided", "avoiding", "improve", "improves",
          "improved", "improving", "increase", "increases", "increased",
          "increasing", "decrease", "decreases", "allow", "allows",
          "allowed", "provide", "provides", "provided", "recommend",
          "recommends", "recommended", "suggest", "suggests", "suggested",
          "call", "calls", "called", "mean", "means", "meant", "refer",
          "refers", "referred", "describe", "describes", "described",
          "contribute", "contributes", "contributed", "contributing",
          "trigger", "triggers", "triggered", "suffer", "suffers", "suffered",
          "suffering", "notice", "noticed", "tend", "tends", "tended",
          "appear", "appears", "appeared", "remain", "remains", "remained",
          "stay", "stays", "stayed", "show", "shows", "showed", "shown",
          "tell", "tells", "told", "ask", "asks", "asked", "work", "works",
          "worked", "working", "move", "moves", "moved", "hurt", "hurts",
          "hurting", "cure", "cures", "fix", "fixes", "fixed", "heal",
          "heals", "healed", "healing", "recover", "recovers", "recovered",
          "diagnose", "diagnoses", "diagnosed", "check", "checks", "checked",
          "require", "requires", "required", "consider", "considered",
          "associated", "linked", "related", "due", "known", "likely",
          "able", "unable", "sure", "important", "possible", "difficult",
          "hard", "easy", "better", "worse", "best", "worst", "lot", "lots",
          "bit", "way", "ways", "thing", "things", "kind", "type", "types",
          "part", "parts", "area", "areas", "side", "sides", "time", "times",
          "day", "days", "week", "weeks", "month", "months", "year", "years",
          "people", "person", "patient", "patients", "doctor", "doctors",
          "reason", "reasons", "example", "cases", "case", "number", "amount",
          "level", "levels", "degree", "problem", "problems", "issue",
          "issues", "question", "questions", "answer", "point", "points",
          "stop", "stops", "stopped", "learn", "learned", "read", "write",
          "wrote", "written", "talk", "talked", "play", "played", "turn",
          "turned", "hold", "holds", "held", "bring", "brings", "brought",
          "sit", "sits", "sat", "stand", "stands", "stood", "lie", "lies",
          "lay", "lying", "run", "runs", "ran", "walk", "walks", "walked",
          "lift", "lifts", "lifted", "carry", "carries", "carried", "seek",
          "speak", "apply", "applied", "perform", "performed", "performs",
          "strengthen", "strengthens", "strengthened", "target", "targets",
          "targeted", "stretched", "stretches", "loosen", "loosens",
          "release", "releases", "released", "relax", "relaxes", "relaxed",
          "live", "lives", "lived", "worsen", "worsens", "worsened",
          "persist", "persists", "last", "lasts", "lasted", "return",
          "returns", "returned", "put", "place", "placed", "wear", "wears",
          "wore", "worn", "change", "changed", "supported",
          "depend", "depends", "depending", "occurs", "present", "presents",
          "presented", "report", "reports", "reported", "complain",
          "complains", "note", "notes", "noted", "rated", "means",
          // Verbs of the relation cues (cue_rules.cc) and other verbs that
          // stand before a noun phrase.
          "detect", "detects", "detected", "confirm", "confirms",
          "confirmed", "reveal", "reveals", "revealed", "assess", "assesses",
          "assessed", "identify", "identifies", "identified", "alleviate",
          "alleviates", "alleviated", "soothe", "soothes", "soothed", "calm",
          "calms", "calmed", "resolve", "resolves", "resolved", "produce",
          "produces", "produced", "respond", "responds", "responded",
          "lengthen", "lengthens", "lengthened", "loosened", "build",
          "builds", "built", "manage", "manages", "managed", "protect",
          "protects", "protected", "characterized", "characterised",
          "accompanied", "marked", "brought", "stem", "stems", "stemmed",
          "arise", "arises", "arose", "raise", "raises", "raised", "lower",
          "lowers", "lowered", "address", "addresses", "addressed",
          "restore", "restores", "restored", "restrict", "restricts",
          "restricted", "limit", "limits", "form", "forms", "formed",
          "describing", "developing", "causing", "including", "resulting",
          "leading", "contributing", "affecting", "helping", "allowing",
          "making", "taking", "getting", "putting", "keeping", "doing",
          "trying", "seeing", "becoming",
      });
  return *kBreakers;
}

// Adjectives of degree, time and frequency that qualify a name without
// changing what it names: "severe sciatica" is sciatica.
bool IsQualifier(absl::string_view w) {
  static const auto* const kQualifiers =
      new absl::flat_hash_set<absl::string_view>(
          {"severe", "mild", "moderate", "chronic", "acute", "sudden",
           "common", "serious", "significant", "minor", "major", "persistent",
           "constant", "intermittent", "occasional", "recurrent", "recurring",
           "frequent", "potential", "various", "different", "further",
           "additional", "main", "typical", "certain", "specific", "extreme",
           "slight", "real", "actual", "initial", "new", "ongoing",
           "long-term", "short-term", "general", "overall", "usual",
           "noticeable", "gradual", "increasing", "worsening", "extra",
           "simple", "basic", "proper", "appropriate", "regular", "gentle",
           "certain", "particular", "bad", "terrible", "horrible", "awful",
           "little", "big", "huge", "small", "tiny", "mild-to-moderate",
           "left", "right", "affected", "painful", "annoying", "nagging",
           "debilitating", "excruciating", "unbearable", "lingering",
           // Evaluation and size, which say how the writer sees a thing:
           // "an unpleasant surgery" is a surgery.
           "unpleasant", "pleasant", "latest", "tremendous", "enormous",
           "greatest", "considerable", "numerous", "dreaded", "dreadful",
           "nasty", "wonderful", "amazing", "fantastic", "excellent"});
  return kQualifiers->contains(w);
}

// Heads too general to name anything alone ("the treatment", "a test",
// "muscles"): with a modifier they name something ("heat therapy").
bool TooGeneralAlone(absl::string_view w) {
  static const auto* const kGeneral =
      new absl::flat_hash_set<absl::string_view>(
          {"treatment", "treatments", "therapy", "therapies", "test", "tests",
           "testing", "exam", "exams", "examination", "examinations", "care",
           "condition", "disorder", "disorders", "disease", "diseases",
           "syndrome", "program", "programs", "programme", "routine",
           "technique", "techniques", "support", "supports", "changes",
           "modification", "modifications", "management", "strategies",
           "movement", "movements", "activity", "activities", "motion",
           "motions", "work", "job", "jobs", "history", "load", "loads",
           "force", "forces", "tension", "pressure", "stress", "impact",
           "habits", "habit", "study", "studies", "sign", "assessment",
           "assessments", "evaluation", "evaluations", "sensation",
           "sensations", "tissue", "tissues", "muscle", "muscles",
           "musculature", "joint", "joints", "bone", "bones", "tendon",
           "tendons", "ligament", "ligaments", "nerve", "nerves", "medicine",
           "medicines", "drug", "drugs", "shot", "shots", "break", "breaks",
           "press", "presses", "bridge", "bridges", "ray", "rays", "warm",
           "drill", "drills", "rows", "raises", "curls", "weight", "sport",
           "sports", "mechanics", "limp", "catching", "locking", "cast",
           "tape", "collar", "sleep", "screening", "imaging", "surfaces",
           "terrain", "lesion", "lesions", "repair", "release", "operation",
           "replacement", "reconstruction", "training", "workout",
           "workouts", "education", "flexors", "extensors", "rotators",
           "stabilizers", "stabilisers", "capsule", "sheath", "arch",
           "tunnel", "spine", "disc", "disk", "discs", "disks", "fascia",
           "pins", "needles", "separation", "damage", "break", "overload",
           "knot", "knots", "diagnosis", "palpation", "maneuver",
           "manoeuvre", "occupation", "shoes", "footwear", "inserts",
           "pillow", "cushion", "compression",
           "stimulation", "gliding", "glides"});
  return kGeneral->contains(w);
}

// Words that say a treatment is left out: "neglecting strength training",
// "skipping the warm-up" name causes.
bool LeavesOut(absl::string_view w) {
  return In(w, {"neglecting", "neglect", "skipping", "ignoring", "lack",
                "lacking", "insufficient", "inadequate", "without",
                "forgoing", "avoiding"});
}

// Suffixes of clinical words: "tendinitis", "fasciitis", "tendinosis",
// "neuropathy", "myalgia" name conditions; "arthroscopy", "tomography" tests;
// "tenotomy", "arthroplasty", "fasciectomy" surgeries.
NodeType SuffixType(absl::string_view w) {
  if (w.size() < 6) return schema::NODE_TYPE_UNSPECIFIED;
  // "-pathy" is also a system of treatment.
  if (In(w, {"osteopathy", "naturopathy", "homeopathy", "homoeopathy",
             "hydropathy"})) {
    return schema::TREATMENT;
  }
  if (absl::EndsWith(w, "itis") || absl::EndsWith(w, "pathy") ||
      absl::EndsWith(w, "algia") || absl::EndsWith(w, "plegia") ||
      absl::EndsWith(w, "paresis") || absl::EndsWith(w, "penia") ||
      absl::EndsWith(w, "malacia")) {
    return schema::CONDITION;
  }
  if (absl::EndsWith(w, "osis") && !In(w, {"diagnosis", "prognosis"})) {
    return schema::CONDITION;
  }
  if (absl::EndsWith(w, "scopy") || absl::EndsWith(w, "graphy")) {
    return schema::TEST;
  }
  if (absl::EndsWith(w, "ectomy") || absl::EndsWith(w, "otomy") ||
      absl::EndsWith(w, "plasty") || absl::EndsWith(w, "desis")) {
    return schema::TREATMENT;
  }
  return schema::NODE_TYPE_UNSPECIFIED;
}

bool IsAnatomy(NodeType t) {
  return t == schema::MUSCLE || t == schema::STRUCTURE || t == schema::NERVE ||
         t == schema::VESSEL;
}

// A sentence as a sequence of units: single tokens, or the existing
// mentions that cover several.
struct Unit {
  int first = 0;
  int end = 0;
  int mention = -1;  // Index into the mentions, or -1 for a bare token.
};

}  // namespace

bool IsClinical(NodeType t) {
  return t == schema::CONDITION || t == schema::SYMPTOM ||
         t == schema::TREATMENT || t == schema::TEST || t == schema::CAUSE;
}

NodeType HeadWordType(absl::string_view lower) {
  const auto& heads = HeadWords();
  auto it = heads.find(lower);
  if (it != heads.end()) return it->second;
  return SuffixType(lower);
}

bool BreaksNounPhrase(absl::string_view lower) {
  if (Breakers().contains(lower)) return true;
  // Adverbs in -ly ("gradually"), but not adjectives of that shape.
  return lower.size() > 4 && absl::EndsWith(lower, "ly") &&
         !In(lower, {"early", "daily", "weekly", "elderly", "belly", "family",
                     "friendly", "likely", "ugly", "only", "holy", "jelly",
                     "bully", "rally", "assembly", "supply", "ally"});
}

namespace {

// Replaces the mentions that overlap `m`'s tokens by `m`.
void ReplaceSpan(Mention m, std::vector<Mention>* mentions) {
  std::vector<Mention> out;
  out.reserve(mentions->size() + 1);
  bool placed = false;
  for (Mention& x : *mentions) {
    if (x.end_token <= m.first_token || x.first_token >= m.end_token) {
      if (!placed && x.first_token >= m.end_token) {
        out.push_back(std::move(m));
        placed = true;
      }
      out.push_back(std::move(x));
    }
  }
  if (!placed) out.push_back(std::move(m));
  *mentions = std::move(out);
}

// Words that end a complement ("loss of feeling in ...").
bool EndsComplement(const Token& t) {
  return !t.is_word ||
         In(t.lower, {"in", "on", "at", "to", "for", "with", "from", "by",
                      "is", "are", "was", "were", "which", "that", "when",
                      "while", "because", "if", "after", "before", "during",
                      "can", "may", "might", "will", "and", "or", "but",
                      "as", "than", "so"});
}

// Symptoms named by a noun and its complement: "loss of feeling", "lack of
// coordination", "difficulty walking", "trouble sleeping", "inability to
// grip". Conditions named by a possessive and a body part: "runner's knee".
void AddComplementPhrases(const std::vector<Token>& tokens,
                          std::vector<Mention>* mentions) {
  const int n = static_cast<int>(tokens.size());
  auto covered_by_lexicon = [&](int i) {
    for (const Mention& m : *mentions) {
      if (m.first_token <= i && i < m.end_token) {
        return IsClinical(m.type) && m.entry != nullptr;
      }
    }
    return false;
  };
  for (int i = 0; i + 1 < n; ++i) {
    const absl::string_view w = tokens[i].lower;
    int from = -1;
    if (In(w, {"loss", "lack", "lost"}) && tokens[i + 1].lower == "of") {
      from = i + 2;
    } else if (In(w, {"difficulty", "trouble", "problems"}) &&
               absl::EndsWith(tokens[i + 1].lower, "ing")) {
      from = i + 1;
    } else if (w == "inability" && tokens[i + 1].lower == "to") {
      from = i + 2;
    }
    if (from < 0 || covered_by_lexicon(i)) continue;
    int end = from;
    while (end < n && end < from + 5) {
      const Token& t = tokens[end];
      // "bowel or bladder control": a coordinator inside the complement
      // when a word follows it.
      if ((t.lower == "or" || t.lower == "and") && end > from &&
          end + 1 < n && tokens[end + 1].is_word &&
          !EndsComplement(tokens[end + 1]) && end + 2 < n &&
          tokens[end + 2].is_word && !EndsComplement(tokens[end + 2])) {
        ++end;
        continue;
      }
      // A verb after the complement's first word ends it ("loss of
      // movement occurs"); the first may be one ("difficulty buttoning").
      if (end > from && IsVerbForm(t.lower) &&
          HeadWordType(t.lower) == schema::NODE_TYPE_UNSPECIFIED) {
        break;
      }
      if (EndsComplement(t) ||
          In(t.lower, {"the", "a", "an", "your", "my", "their"})) {
        if (end == from && In(t.lower, {"the", "a", "an", "your", "my",
                                        "their"})) {
          ++from;
          ++end;
          continue;
        }
        break;
      }
      ++end;
    }
    if (end == from) continue;
    Mention m;
    m.type = schema::SYMPTOM;
    m.open = true;
    m.first_token = i;
    m.end_token = end;
    for (int t = i; t < end; ++t) {
      if (!tokens[t].is_word) continue;
      if (!m.name.empty()) m.name.push_back(' ');
      m.name += tokens[t].lower;
    }
    ReplaceSpan(std::move(m), mentions);
    i = end - 1;
  }
  // "<someone>'s <body part>": a condition named after who gets it.
  for (size_t k = 0; k < mentions->size(); ++k) {
    const Mention& part = (*mentions)[k];
    if (part.type != schema::STRUCTURE || part.first_token < 1) continue;
    const Token& owner = tokens[part.first_token - 1];
    if (!owner.is_word || !owner.possessive ||
        BreaksNounPhrase(owner.lower)) {
      continue;
    }
    // Such names are bare ("I have runner's knee"); after a determiner the
    // possessive is an ordinary one ("the athlete's leg", "an athlete's
    // toe").
    if (part.first_token >= 2) {
      const Token& before = tokens[part.first_token - 2];
      if (before.is_word &&
          In(before.lower, {"the", "a", "an", "this", "that", "each", "every",
                            "your", "my", "his", "her", "their", "our"})) {
        continue;
      }
    }
    Mention m;
    m.type = schema::CONDITION;
    m.open = true;
    m.first_token = part.first_token - 1;
    m.end_token = part.end_token;
    m.name = absl::StrCat(owner.lower, "'s ");
    for (int t = part.first_token; t < part.end_token; ++t) {
      if (tokens[t].is_word) absl::StrAppend(&m.name, tokens[t].lower, " ");
    }
    m.name.pop_back();
    m.affects_type = schema::STRUCTURE;
    m.affects = part.name;
    ReplaceSpan(std::move(m), mentions);
  }
  // "<body part> problems": "knee problems", "jaw issues", "back trouble"
  // name a disorder of that part, as "<part> pain" names a symptom.
  for (size_t k = 0; k < mentions->size(); ++k) {
    const Mention& part = (*mentions)[k];
    if ((part.type != schema::STRUCTURE && part.type != schema::MUSCLE) ||
        part.end_token >= n) {
      continue;
    }
    const Token& next = tokens[part.end_token];
    if (!In(next.lower, {"problem", "problems", "issue", "issues", "trouble",
                         "troubles", "complaint", "complaints"})) {
      continue;
    }
    Mention m;
    m.type = schema::CONDITION;
    m.open = true;
    m.first_token = part.first_token;
    m.end_token = part.end_token + 1;
    for (int t = m.first_token; t < m.end_token; ++t) {
      if (!tokens[t].is_word) continue;
      if (!m.name.empty()) m.name.push_back(' ');
      m.name += tokens[t].lower;
    }
    m.affects_type = part.type;
    m.affects = part.name;
    ReplaceSpan(std::move(m), mentions);
  }
}

}  // namespace

void NameAsWritten(const EntityLinker& linker,
                   const std::vector<Token>& tokens,
                   std::vector<Mention>* mentions) {
  for (Mention& m : *mentions) {
    if (m.entry == nullptr || !IsClinical(m.type) || !m.state.empty() ||
        !m.alias.empty() || m.open) {
      continue;
    }
    std::string written;
    for (int t = m.first_token; t < m.end_token; ++t) {
      const Token& tok = tokens[t];
      if (!tok.is_word) continue;
      if (!written.empty()) written.push_back(' ');
      if (tok.all_caps) {
        for (char c : tok.lower) {
          written.push_back(static_cast<char>(absl::ascii_toupper(c)));
        }
      } else {
        written += tok.lower;
      }
      if (tok.possessive) written += "'s";
    }
    // Only a span that writes one of the entry's names is renamed: the
    // linker also reads conditions from predicates ("the SI joint can
    // become a source of pain"), whose words are no name.
    if (written.empty() || linker.MatchWhole(written) != m.entry) continue;
    if (TokenKey(written) == TokenKey(m.name)) continue;
    m.alias = std::move(m.name);
    m.name = std::move(written);
  }
}

namespace {

// The name's words in the singular, for grouping the number variants of one
// open phrase: "injuries" -> "injury", "stretches" -> "stretch".
std::string SingularKey(absl::string_view name) {
  std::string key;
  for (const Token& t : Tokenize(name)) {
    if (!t.is_word) continue;
    std::string w = t.lower;
    if (w.size() > 4 && absl::EndsWith(w, "ies")) {
      w.replace(w.size() - 3, 3, "y");
    } else if (w.size() > 4 && (absl::EndsWith(w, "ches") ||
                                absl::EndsWith(w, "shes") ||
                                absl::EndsWith(w, "sses") ||
                                absl::EndsWith(w, "xes"))) {
      w.resize(w.size() - 2);
    } else if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' &&
               w[w.size() - 2] != 'u' && w[w.size() - 2] != 'i') {
      w.pop_back();
    }
    if (!key.empty()) key.push_back(' ');
    key += w;
  }
  return key;
}

// Whether two names differ only in their last word ("Achilles tendinitis",
// "Achilles tendinosis"): two kinds of one thing, which a text names apart
// to tell them apart, even where a lexicon row groups them.
bool Siblings(absl::string_view a, absl::string_view b) {
  const size_t sa = a.rfind(' '), sb = b.rfind(' ');
  if (sa == absl::string_view::npos || sb == absl::string_view::npos) {
    return false;
  }
  return a.substr(0, sa) == b.substr(0, sb) &&
         SingularKey(a.substr(sa + 1)) != SingularKey(b.substr(sb + 1));
}

}  // namespace

void OneNamePerDocument(const std::vector<std::vector<Mention>*>& sentences) {
  struct Group {
    std::vector<Mention*> mentions;
    std::vector<std::pair<std::string, int>> names;  // In order of first use.
  };
  absl::flat_hash_map<std::string, size_t> group_of;
  std::vector<Group> groups;  // In order of first mention.
  for (std::vector<Mention>* mentions : sentences) {
    for (Mention& m : *mentions) {
      if (!IsClinical(m.type) || !m.state.empty() || m.anaphor ||
          (m.entry == nullptr && !m.open)) {
        continue;
      }
      const std::string key =
          m.entry != nullptr
              ? absl::StrCat("e", reinterpret_cast<uintptr_t>(m.entry))
              : absl::StrCat("o", SingularKey(m.name));
      auto [slot, added] = group_of.try_emplace(key, groups.size());
      if (added) groups.emplace_back();
      Group& g = groups[slot->second];
      g.mentions.push_back(&m);
      auto it = std::find_if(g.names.begin(), g.names.end(),
                             [&](const auto& n) { return n.first == m.name; });
      if (it == g.names.end()) {
        g.names.emplace_back(m.name, 1);
      } else {
        ++it->second;
      }
    }
  }
  for (const Group& g : groups) {
    if (g.names.size() < 2) continue;
    const std::pair<std::string, int>* best = &g.names[0];
    for (const auto& n : g.names) {
      if (n.second > best->second) best = &n;
    }
    for (Mention* m : g.mentions) {
      if (m->name == best->first || Siblings(m->name, best->first)) continue;
      if (m->entry != nullptr && m->alias.empty()) m->alias = m->name;
      m->name = best->first;
      if (m->entry != nullptr && TokenKey(m->alias) == TokenKey(m->name)) {
        m->alias.clear();
      }
    }
  }
}

void AddPhraseMentions(const std::vector<Token>& tokens,
                       std::vector<Mention>* mentions) {
  const int n = static_cast<int>(tokens.size());
  AddComplementPhrases(tokens, mentions);
  std::vector<Unit> units;
  units.reserve(n);
  {
    size_t m = 0;
    for (int i = 0; i < n;) {
      while (m < mentions->size() && (*mentions)[m].end_token <= i) ++m;
      if (m < mentions->size() && (*mentions)[m].first_token <= i) {
        const Mention& x = (*mentions)[m];
        units.push_back({i, std::max(x.end_token, i + 1), static_cast<int>(m)});
        i = units.back().end;
        ++m;
        continue;
      }
      units.push_back({i, i + 1, -1});
      ++i;
    }
  }
  // A verb form that is no noun ("exploring osteopathy", "termed plantar
  // fasciitis", "podiatrists prescribed orthotics") is no part of a name,
  // except the words that say a treatment is left out ("neglecting ...").
  auto content = [&](const Unit& u) {
    if (u.mention >= 0) return !(*mentions)[u.mention].anaphor;
    const Token& t = tokens[u.first];
    if (!t.is_word) return false;
    return !BreaksNounPhrase(t.lower) &&
           !(IsVerbForm(t.lower) &&
             HeadWordType(t.lower) == schema::NODE_TYPE_UNSPECIFIED &&
             !LeavesOut(t.lower));
  };
  auto unit_type = [&](const Unit& u) {
    if (u.mention >= 0) return (*mentions)[u.mention].type;
    return HeadWordType(tokens[u.first].lower);
  };
  auto surface = [&](int first, int end) {
    std::string s;
    for (int t = first; t < end; ++t) {
      if (!tokens[t].is_word) continue;
      if (!s.empty()) absl::StrAppend(&s, " ");
      absl::StrAppend(&s, tokens[t].lower);
    }
    return s;
  };

  std::vector<Mention> added;
  std::vector<char> replaced(mentions->size(), 0);
  const int u_count = static_cast<int>(units.size());
  for (int a = 0; a < u_count;) {
    if (!content(units[a])) {
      ++a;
      continue;
    }
    int b = a;
    while (b < u_count && content(units[b])) ++b;
    // Run [a, b); the head is its last unit.
    const Unit& head = units[b - 1];
    // An open head word before an article or possessive is a verb
    // ("stretch the quads", "rest your knee", "the core muscles support the
    // spine"): a noun phrase does not run on into another's determiner.
    // After other words, only an article or possessive: "tears that
    // heal", "the activity this requires" are nouns before a relative
    // clause.
    if (head.mention < 0 && b < u_count && units[b].mention < 0 &&
        (In(tokens[units[b].first].lower,
            {"the", "a", "an", "your", "my", "his", "her", "their", "our"}) ||
         (b - a == 1 &&
          In(tokens[units[b].first].lower,
             {"this", "that", "these", "those", "it", "them", "each", "both",
              "any", "some"})))) {
      a = b;
      continue;
    }
    // "the psoas inserts on the femur", "the strap supports into ...": an
    // open word after a body part and before "on"/"into" is its verb.
    if (head.mention < 0 && b - a >= 2 && units[b - 2].mention >= 0 &&
        IsAnatomy((*mentions)[units[b - 2].mention].type) && b < u_count &&
        In(tokens[units[b].first].lower, {"on", "onto", "into"})) {
      a = b;
      continue;
    }
    NodeType type = unit_type(head);
    int start = a;
    const bool head_is_mention = head.mention >= 0;
    if (head_is_mention) {
      const Mention& hm = (*mentions)[head.mention];
      // Lexicon anatomy and composed muscle states name themselves; a
      // clinical lexicon term takes its modifiers only when they say more
      // than degree ("heel pain", not "severe sciatica").
      if (!IsClinical(hm.type) || hm.entry == nullptr) {
        type = schema::NODE_TYPE_UNSPECIFIED;
      }
    }
    if (type == schema::NODE_TYPE_UNSPECIFIED) {
      a = b;
      continue;
    }
    // Phrases are short: at most five units end at the head.
    start = std::max(start, b - 5);
    while (start < b - 1 && units[start].mention < 0 &&
           IsQualifier(tokens[units[start].first].lower)) {
      ++start;
    }
    int end_token = head.end;
    int next = b;  // First unit after the phrase.
    const absl::string_view head_word =
        head_is_mention ? absl::string_view() : tokens[head.first].lower;
    // "pain in the heel", "tear of the ACL": the body part it is in
    // belongs to the name.
    if ((type == schema::SYMPTOM || type == schema::CONDITION) &&
        b < u_count && units[b].mention < 0 &&
        In(tokens[units[b].first].lower, {"in", "of", "on", "around"})) {
      int c = b + 1;
      while (c < u_count && units[c].mention < 0 &&
             In(tokens[units[c].first].lower,
                {"the", "a", "an", "your", "my", "one", "both", "his", "her",
                 "their", "affected", "left", "right"})) {
        ++c;
      }
      int d = c;
      while (d < u_count && d < c + 3 && content(units[d])) ++d;
      if (d > c && IsAnatomy(unit_type(units[d - 1]))) {
        end_token = units[d - 1].end;
        next = d;
      }
    }
    const Unit& first = units[start];
    // A lone clinical lexicon term with only qualifiers: the lexicon's name.
    if (head_is_mention && start == b - 1) {
      a = b;
      continue;
    }
    if (start == b - 1 && end_token == head.end && !head_is_mention &&
        TooGeneralAlone(head_word)) {
      a = b;
      continue;
    }
    Mention m;
    m.type = type;
    m.first_token = first.first;
    m.end_token = end_token;
    m.open = true;
    m.name = surface(m.first_token, m.end_token);
    if (m.name.empty()) {
      a = b;
      continue;
    }
    // A field of medicine is no treatment: "sports medicine", "internal
    // medicine" name who treats, not what.
    if (type == schema::TREATMENT && head_word == "medicine" &&
        end_token == head.end && start == b - 2 &&
        In(tokens[units[start].first].lower,
           {"sports", "sport", "internal", "family", "emergency",
            "rehabilitation", "occupational", "podiatric", "osteopathic",
            "musculoskeletal", "orthopedic", "orthopaedic"})) {
      a = b;
      continue;
    }
    // Leaving a treatment out is a cause ("neglecting strength training",
    // "skipping the warm-up").
    if (type == schema::TREATMENT && LeavesOut(tokens[m.first_token].lower)) {
      m.type = schema::CAUSE;
    }
    // The body part a condition or symptom names: the last anatomy unit.
    for (int u = start; u < next; ++u) {
      if (units[u].mention < 0) continue;
      const Mention& x = (*mentions)[units[u].mention];
      if (IsAnatomy(x.type) && (type == schema::CONDITION ||
                                type == schema::SYMPTOM)) {
        m.affects_type = x.type == schema::MUSCLE ? schema::MUSCLE
                                                  : schema::STRUCTURE;
        m.affects = x.name;
      }
    }
    for (int u = start; u < next; ++u) {
      if (units[u].mention >= 0) replaced[units[u].mention] = 1;
    }
    added.push_back(std::move(m));
    a = next;
  }
  if (added.empty()) return;
  std::vector<Mention> out;
  out.reserve(mentions->size() + added.size());
  for (size_t m = 0; m < mentions->size(); ++m) {
    if (!replaced[m]) out.push_back(std::move((*mentions)[m]));
  }
  for (Mention& m : added) out.push_back(std::move(m));
  std::stable_sort(out.begin(), out.end(),
                   [](const Mention& x, const Mention& y) {
                     return x.first_token < y.first_token;
                   });
  *mentions = std::move(out);
}

}  // namespace mskg::ingest
