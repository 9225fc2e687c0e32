// Package ja is the fixture of Japanese messages.
package ja

const dbPassword = "Vq7rT2xLm9" // want `^定数 dbPassword に DB パスワード がハードコードされている$`

var accessKey = "AKIAUG6PYQVIUN2GEORC" // want `^変数 accessKey に AWS access key ID がハードコードされている$`

type Config struct{ Passwd string }

var cfg = Config{Passwd: "SRUkvcXgpv6bCS"} // want `^Config のフィールド Passwd に パスワード がハードコードされている$`

var dsn = "postgres://app:3jGIeYOjtNAv1r@db.internal/app" // want `^変数 dsn の postgres 接続文字列にパスワードが埋め込まれている$`
