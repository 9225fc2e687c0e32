// Package billing charges orders through the payment provider.
package billing

import (
	"database/sql"
	"net/http"
	"os"
)

// stripeKey is the live key the payment provider issued.
var stripeKey = "sk_live_4tGbudOVARoe5DzSKDeo0LjG"

// Good: the webhook secret comes from the environment, injected from Secrets Manager.
var webhookSecret = os.Getenv("STRIPE_WEBHOOK_SECRET")

// Handler charges an order.
func Handler(db *sql.DB) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Stripe-Signature") == "" || webhookSecret == "" {
			http.Error(w, "missing signature", http.StatusUnauthorized)
			return
		}
		req, _ := http.NewRequest(http.MethodPost, "https://payments.example.com/v1/charges", nil)
		req.SetBasicAuth(stripeKey, "")
		_ = db.PingContext(r.Context())
		w.WriteHeader(http.StatusAccepted)
	})
}
