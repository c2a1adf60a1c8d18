package extract

// The stance lexicon scores how a reader comment regards what the article
// reports. Readers rarely name a stance outright; they judge ("is right",
// "a bad idea", "only provokes"), congratulate, worry or mock. The words
// below are general evaluative English, grouped by how they judge, with
// the multi-word idioms that would be misread word by word ("good
// riddance", "less safe", "for show") listed as phrases: the phrase index
// prefers the longest match, so an idiom overrides its parts.

// stanceWords score a comment's attitude: positive supports, negative
// opposes, the size is the strength.
var stanceWords = map[string]int{
	// Approval and agreement.
	"support": 2, "supports": 2, "supported": 1, "agree": 1, "agreed": 1, "approve": 2, "applaud": 2,
	"commend": 2, "praise": 2, "bravo": 2, "congratulations": 2, "congrats": 2, "well done": 2,
	"good job": 2, "thank": 1, "thanks": 1, "welcome": 2, "welcomed": 1, "glad": 1, "happy": 1,
	"pleased": 1, "relieved": 2, "relief": 1, "reassuring": 2, "proud": 1, "hope": 1, "hopeful": 1,
	"optimistic": 1, "encouraging": 2, "promising": 1, "finally": 1, "about time": 2, "long overdue": 2,
	"is right": 2, "are right": 2, "was right": 2, "were right": 2, "right thing": 2, "right move": 2,
	"right call": 2, "right decision": 2, "right to": 1, "makes sense": 2, "make sense": 2,
	"good idea": 2, "good move": 2, "good step": 2, "good news": 2, "step forward": 2, "good for": 1,
	"should say yes": 2, "is fine": 1, "fine": 1, "deserve": 1, "deserves": 1, "respect": 1,
	// Judgements of worth.
	"good": 1, "great": 1, "excellent": 2, "best": 1, "wise": 1, "smart": 1, "sensible": 2,
	"pragmatic": 1, "brave": 1, "courageous": 1, "bold": 1, "historic": 1, "landmark": 1,
	"breakthrough": 2, "important": 1, "matters": 1, "crucial": 1, "essential": 1, "valuable": 1,
	"useful": 1, "constructive": 1, "fruitful": 1, "productive": 1, "positive": 1, "success": 1,
	"successful": 1, "progress": 1, "opportunity": 1, "benefit": 2, "benefits": 2, "win-win": 2,
	"example": 1, "legitimate": 1, "justified": 1, "fair": 1, "reasonable": 1, "big difference": 1,
	// Security, strength and partnership.
	"strong": 1, "firm": 1, "firmly": 1, "stand with": 2, "standing by": 2, "stands by": 2,
	"behind it": 1, "behind them": 1, "guarantee": 1, "safer": 1, "stability": 1, "partnership": 1,
	"rapport": 1, "cooperation": 1, "help": 1, "helps": 1, "boost": 1, "reaffirm": 1, "commitment": 1,
	"strengthen": 1, "strengthening": 1, "reinforce": 1, "solidarity": 1,

	// Disapproval and disagreement.
	"oppose": -2, "against": -1, "disagree": -2, "wrong": -2, "mistake": -2, "blunder": -2,
	"bad": -1, "bad idea": -2, "bad move": -2, "bad deal": -2, "terrible": -2, "awful": -2,
	"worse": -1, "worst": -2, "disaster": -2, "disastrous": -2, "failure": -2, "fail": -1, "fails": -1,
	"failed": -1, "shame": -2, "shameful": -2, "disgrace": -2, "disgraceful": -2, "embarrassing": -2,
	"humiliating": -2, "outrageous": -2, "unacceptable": -2, "absurd": -2, "ridiculous": -2,
	"nonsense": -2, "joke": -2, "farce": -2, "circus": -2, "theater": -2, "theatre": -2, "stunt": -2,
	"sham": -2, "for show": -2, "good riddance": -2, "no thanks": -2,
	// Futility and waste.
	"waste": -2, "pointless": -2, "useless": -2, "futile": -2, "meaningless": -2, "hollow": -1,
	"empty": -1, "toothless": -2, "achieves nothing": -2, "achieve nothing": -2, "nothing good": -3,
	"nothing to negotiate": -2, "nothing will change": -2, "last thing": -3, "can do better": -3,
	"don't expect anything": -2, "doomed": -2,
	// Danger and escalation.
	"dangerous": -1, "reckless": -2, "irresponsible": -2, "provoke": -2, "provokes": -2,
	"provoking": -2, "provocation": -2, "provocative": -2, "escalate": -1, "escalation": -1,
	"raise tensions": -2, "raises tensions": -2, "tensions": -1, "aggression": -1, "less safe": -2,
	"unsafe": -1, "risky": -1, "dragging": -1, "threats": -1, "bully": -2, "bullying": -2,
	// Distrust and weakness.
	"weak": -1, "naive": -2, "hypocrisy": -2, "hypocritical": -2, "propaganda": -2, "lies": -2,
	"dishonest": -2, "betray": -2, "betrayal": -2, "sellout": -2, "selling out": -2,
	"appeasement": -2, "capitulation": -2, "surrender": -1, "kowtow": -2, "kowtowing": -2,
	"catering": -1, "controversial": -1, "unpredictable": -1, "unpredictability": -1,
	"detrimental": -2, "costly": -1,
	// Worry and disappointment.
	"worry": -1, "worried": -1, "worrying": -1, "concerned": -1, "afraid": -1, "fear": -1,
	"disappointing": -2, "disappointed": -2, "sadly": -1, "unfortunately": -1, "regret": -1,
	"need": 0, "approval": 0,
}

// negators flip the score of the stance word they govern.
var negators = map[string]bool{"not": true, "no": true, "never": true, "n't": true, "don't": true, "doesn't": true,
	"isn't": true, "won't": true, "cannot": true, "hardly": true}

// clauseBreak ends a negator's reach.
var clauseBreak = map[string]bool{".": true, ",": true, ";": true, ":": true, "!": true, "?": true, "but": true, "yet": true}
