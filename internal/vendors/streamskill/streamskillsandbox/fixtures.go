package streamskillsandbox

import (
	"encoding/json"
	"slices"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

// StreamSkill tariff ids by the kind of pricing they exercise.
const (
	TariffVolumeDiscounts = 1  // standard, {"1":0,"500":10,"1000":20}, price 50, count 100, not hourly
	TariffStandardHourly  = 2  // standard, hourly, price 12.5, count 10
	TariffGraduated       = 3  // graduated, hourly, {"0":135,"101":180,"201":270}, count {10,350}, discounts {}
	TariffGraduatedNoDisc = 4  // graduated, hourly, no discounts key
	TariffCustomCount     = 5  // standard, count {10,350}, hourly
	TariffNoDiscounts     = 6  // standard, no discounts key
	TariffFractional      = 7  // standard, price 0.1, count 1
	TariffKick            = 8  // standard, kick.com link
	TariffNoLink          = 9  // standard, no link key
	TariffGraduatedDaily  = 10 // graduated, not hourly
	TariffBigDiscounts    = 11 // standard, five discount tiers up to 40%
	TariffTrovoHourly     = 12 // standard, hourly, trovo.live link
)

// Count is the count of custom-count tariffs; others use a plain integer.
type Count struct {
	Min int `json:"min"`
	Max int `json:"max"`
}

// Link is a tariff's channel link hint.
type Link struct {
	Prefix      string `json:"prefix"`
	Placeholder string `json:"placeholder"`
}

// Tariff is one tariff in both languages. Count is an int or a
// Count. A nil Discounts means the key is absent (an empty map is
// served as {}); a nil Link is absent; nil GraduatedPrices is served as null.
type Tariff struct {
	ID              int
	Title           map[string]string   // by language: "en", "ru"
	Text            map[string][]string // by language
	Count           any
	Price           float64
	Type            string
	Hourly          bool
	PricingType     string
	GraduatedPrices map[string]float64
	Discounts       map[string]int
	Link            *Link
	Panel           bool
}

// streamskillWire is the serialized form for one language.
type streamskillWire struct {
	ID              int                `json:"id"`
	Title           string             `json:"title"`
	Text            []string           `json:"text"`
	Count           any                `json:"count"`
	Price           float64            `json:"price"`
	Type            string             `json:"type"`
	Hourly          bool               `json:"hourly"`
	PricingType     string             `json:"pricing_type"`
	GraduatedPrices map[string]float64 `json:"graduated_prices"`
	Discounts       map[string]int     `json:"discounts,omitzero"`
	Link            *Link              `json:"link,omitempty"`
	Panel           *bool              `json:"panel,omitempty"`
}

var streamskillLangs = []string{"en", "ru"}

type streamskillData struct {
	tariffs []Tariff
	// json[id][lang][expandPanel] is the precomputed body.
	json map[int]map[string][2][]byte
}

var (
	twitchLink  = &Link{Prefix: "https://www.twitch.tv/", Placeholder: "twitch"}
	kickLink    = &Link{Prefix: "https://kick.com/", Placeholder: "kick"}
	youtubeLink = &Link{Prefix: "https://www.youtube.com/watch?v=", Placeholder: "youtube"}
)

func tr(en, ru string) map[string]string { return map[string]string{"en": en, "ru": ru} }

func lines(en, ru []string) map[string][]string { return map[string][]string{"en": en, "ru": ru} }

func newStreamskillData() *streamskillData {
	ts := []Tariff{
		{ID: 1, Title: tr("Twitch Followers", "Подписчики Twitch"),
			Text:  lines([]string{"Real-looking followers", "Delivery within 24 hours"}, []string{"Живые на вид подписчики", "Доставка в течение 24 часов"}),
			Count: 100, Price: 50, Type: "twitch_followers", PricingType: "standard",
			Discounts: map[string]int{"1": 0, "500": 10, "1000": 20}, Link: twitchLink, Panel: true},
		{ID: 2, Title: tr("Twitch Viewers", "Зрители Twitch"),
			Text:  lines([]string{"Viewers for the chosen number of hours", "Smooth ramp-up"}, []string{"Зрители на выбранное число часов", "Плавный набор"}),
			Count: 10, Price: 12.5, Type: "twitch_viewers", Hourly: true, PricingType: "standard",
			Discounts: map[string]int{"1": 0, "100": 5, "500": 12}, Link: twitchLink, Panel: true},
		{ID: 3, Title: tr("AI Chatbot", "ИИ-чатбот"),
			Text:  lines([]string{"Up to 350 chatbots", "AI-powered chat"}, []string{"До 350 чатботов", "Чат на основе ИИ"}),
			Count: Count{Min: 10, Max: 350}, Price: 135, Type: "ai_chatbots", Hourly: true, PricingType: "graduated",
			GraduatedPrices: map[string]float64{"0": 135, "101": 180, "201": 270},
			Discounts:       map[string]int{}, Link: twitchLink, Panel: true},
		{ID: 4, Title: tr("Kick Viewers", "Зрители Kick"),
			Text:  lines([]string{"Viewers on Kick streams"}, []string{"Зрители на стримах Kick"}),
			Count: 50, Price: 90, Type: "kick_viewers", Hourly: true, PricingType: "graduated",
			GraduatedPrices: map[string]float64{"0": 90, "51": 150, "151": 240}, Link: kickLink},
		{ID: 5, Title: tr("YouTube Live Viewers", "Зрители YouTube Live"),
			Text:  lines([]string{"Choose between 10 and 350 viewers", "Hourly billing"}, []string{"От 10 до 350 зрителей", "Почасовая оплата"}),
			Count: Count{Min: 10, Max: 350}, Price: 30, Type: "youtube_viewers", Hourly: true, PricingType: "standard",
			Discounts: map[string]int{"1": 0, "100": 5, "300": 15}, Link: youtubeLink, Panel: true},
		{ID: 6, Title: tr("YouTube Likes", "Лайки YouTube"),
			Text:  lines([]string{"Likes on a video"}, []string{"Лайки на видео"}),
			Count: 1000, Price: 25, Type: "youtube_likes", PricingType: "standard", Link: youtubeLink},
		{ID: 7, Title: tr("Twitch Clip Views", "Просмотры клипов Twitch"),
			Text:  lines([]string{"Views on a clip", "Priced per single view"}, []string{"Просмотры клипа", "Цена за один просмотр"}),
			Count: 1, Price: 0.1, Type: "twitch_clip_views", PricingType: "standard",
			Discounts: map[string]int{"1": 0, "10000": 15}, Link: twitchLink},
		{ID: 8, Title: tr("Kick Followers", "Подписчики Kick"),
			Text:  lines([]string{"Followers on Kick"}, []string{"Подписчики на Kick"}),
			Count: 100, Price: 40, Type: "kick_followers", PricingType: "standard",
			Discounts: map[string]int{"1": 0, "1000": 10}, Link: kickLink},
		{ID: 9, Title: tr("Stream Overlay Setup", "Настройка оверлея"),
			Text:  lines([]string{"A designer sets up your overlay", "No channel link needed"}, []string{"Дизайнер настроит оверлей", "Ссылка на канал не нужна"}),
			Count: 1, Price: 199.99, Type: "services", PricingType: "standard",
			Discounts: map[string]int{"1": 0}},
		{ID: 10, Title: tr("Telegram Subscribers", "Подписчики Telegram"),
			Text:  lines([]string{"Subscribers for a channel"}, []string{"Подписчики на канал"}),
			Count: 100, Price: 60, Type: "telegram_subscribers", PricingType: "graduated",
			GraduatedPrices: map[string]float64{"0": 60, "1001": 55.5, "5001": 50},
			Discounts:       map[string]int{}, Link: &Link{Prefix: "https://t.me/", Placeholder: "telegram"}},
		{ID: 11, Title: tr("YouTube Subscribers", "Подписчики YouTube"),
			Text:  lines([]string{"Subscribers for a channel", "Big orders get up to 40% off"}, []string{"Подписчики на канал", "Скидка до 40% на крупные заказы"}),
			Count: 100, Price: 80, Type: "youtube_subscribers", PricingType: "standard",
			Discounts: map[string]int{"1": 0, "500": 5, "1000": 10, "5000": 25, "10000": 40}, Link: youtubeLink},
		{ID: 12, Title: tr("Trovo Viewers", "Зрители Trovo"),
			Text:  lines([]string{"Viewers on Trovo streams"}, []string{"Зрители на стримах Trovo"}),
			Count: 10, Price: 9.9, Type: "trovo_viewers", Hourly: true, PricingType: "standard",
			Discounts: map[string]int{"1": 0, "50": 5}, Link: &Link{Prefix: "https://trovo.live/", Placeholder: "trovo"}},
	}
	d := &streamskillData{tariffs: ts, json: map[int]map[string][2][]byte{}}
	for _, t := range ts {
		byLang := map[string][2][]byte{}
		for _, lang := range streamskillLangs {
			var bodies [2][]byte
			for expand := range 2 {
				wire := streamskillWire{
					ID: t.ID, Title: t.Title[lang], Text: t.Text[lang], Count: t.Count, Price: t.Price,
					Type: t.Type, Hourly: t.Hourly, PricingType: t.PricingType,
					GraduatedPrices: t.GraduatedPrices, Discounts: t.Discounts, Link: t.Link,
				}
				if expand == 1 {
					wire.Panel = &t.Panel
				}
				b, err := json.Marshal(wire)
				if err != nil {
					panic("sandbox: streamskill fixture does not marshal: " + err.Error())
				}
				bodies[expand] = b
			}
			byLang[lang] = bodies
		}
		d.json[t.ID] = byLang
	}
	return d
}

// Tariffs returns the StreamSkill fixture in id order. Maps are
// shared: treat them as read-only.
func Tariffs(srv *sandbox.Server) []Tariff {
	s := sandbox.Data[*server](srv, Name)
	return slices.Clone(s.streamskillFixtures().tariffs)
}
