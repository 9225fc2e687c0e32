package allowpath

// The configuration allows hardcoded-credential in this file only.
const dbPassword = "Vq7rT2xLm9"

var accessKey = "AKIAUG6PYQVIUN2GEORC" // want `^hard-coded AWS access key ID in var accessKey$`
