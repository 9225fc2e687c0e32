// Package zap is a minimal stand-in for go.uber.org/zap.
package zap

type Field struct {
	Key    string
	String string
}

func String(key, val string) Field { return Field{Key: key, String: val} }

type Logger struct{}

func NewProduction() (*Logger, error)               { return &Logger{}, nil }
func (l *Logger) Info(msg string, fields ...Field)  {}
func (l *Logger) Error(msg string, fields ...Field) {}
func (l *Logger) Sugar() *SugaredLogger             { return &SugaredLogger{} }

type SugaredLogger struct{}

func (s *SugaredLogger) Infof(template string, args ...any)     {}
func (s *SugaredLogger) Infow(msg string, keysAndValues ...any) {}
