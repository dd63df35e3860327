// ingest/phrase_words.cc
#include "ingest/phrase_words.h"

#include "absl/algorithm/container.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "absl/strings/string_view.h"
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
         "swayback", "condition", "deficiency", "deficiencies"});
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

}  // namespace

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
           "nasty", "wonderful", "amazing", "fantastic", "excellent",
           // How often, how long and how hard, which say how a thing is
           // done, not what: "a quick daily workout" is a workout.
           "daily", "weekly", "nightly", "quick", "brief",
           "intense", "intensive", "hardcore", "strenuous"});
  return kQualifiers->contains(w);
}

bool SaysWhichPart(absl::string_view w) {
  return In(w, {"the", "a", "an", "your", "my", "one", "both", "his", "her",
                "their", "affected", "left", "right"});
}

bool IsTimeUnit(absl::string_view w) {
  return In(w, {"second", "seconds", "minute", "minutes", "min", "hour",
                "hours", "day", "days", "week", "weeks"});
}

bool IsNumber(absl::string_view w) {
  return !w.empty() && absl::c_all_of(w, [](char c) {
    return absl::ascii_isdigit(static_cast<unsigned char>(c));
  });
}

bool IsDuration(absl::string_view w) {
  size_t digits = 0;
  while (digits < w.size() && absl::ascii_isdigit(w[digits])) ++digits;
  absl::string_view unit = w.substr(digits);
  return digits > 0 && absl::ConsumePrefix(&unit, "-") && IsTimeUnit(unit);
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
           "stimulation", "gliding", "glides", "deficiency", "deficiencies"});
  return kGeneral->contains(w);
}

// Words that say a treatment is left out: "neglecting strength training",
// "skipping the warm-up" name causes.
bool SaysDamaged(absl::string_view lower) {
  // General English participles of injury, from a dictionary's sense of
  // each; states a muscle can be in ("tight", "weak") are muscle states
  // (muscle_state_words.h), not these.
  return In(lower, {"herniated", "ruptured", "torn", "pinched", "compressed",
                    "entrapped", "trapped", "inflamed", "irritated",
                    "dislocated", "fractured", "broken", "sprained",
                    "strained", "pulled", "bulging", "slipped", "swollen",
                    "damaged", "injured", "impinged", "bruised", "cracked",
                    "degenerated", "overstretched", "frayed"});
}

bool LeavesOut(absl::string_view w) {
  return In(w, {"neglecting", "neglect", "skipping", "ignoring", "lack",
                "lacking", "insufficient", "inadequate", "without",
                "forgoing", "avoiding"});
}

bool IsAnatomy(NodeType t) {
  return t == schema::MUSCLE || t == schema::STRUCTURE || t == schema::NERVE ||
         t == schema::VESSEL;
}

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

bool IsIngNoun(absl::string_view w) {
  return In(w, {"nothing",   "something", "anything", "everything", "thing",
                "things",    "morning",   "mornings", "evening",    "evenings",
                "spring",    "string",    "ring",     "ceiling",    "building",
                "during",    "wing",      "king",     "sibling",    "siblings",
                "offspring", "bring",     "ongoing",  "according",  "being",
                "clothing",  "bedding",   "meaning",  "including",  "following",
                "regarding", "concerning"});
}

bool LooksPlural(absl::string_view lower) {
  return lower.size() > 3 && absl::EndsWith(lower, "s") &&
         !absl::EndsWith(lower, "ss") && !absl::EndsWith(lower, "us") &&
         !absl::EndsWith(lower, "is") && !absl::EndsWith(lower, "'s");
}

bool BreaksNounPhrase(absl::string_view lower) {
  if (Breakers().contains(lower)) return true;
  // Adverbs in -ly ("gradually"), but not adjectives of that shape.
  return lower.size() > 4 && absl::EndsWith(lower, "ly") &&
         !In(lower, {"early", "daily", "weekly", "elderly", "belly", "family",
                     "friendly", "likely", "ugly", "only", "holy", "jelly",
                     "bully", "rally", "assembly", "supply", "ally"});
}

}  // namespace mskg::ingest
