"""/v1/instareports: automated audits of prospects' online presence, built in the background
(`shared.domain.instareports`), shown, printed and sent to the prospect by a signed link."""
