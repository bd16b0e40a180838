"""Consumers of Redis streams. The original's two (OneBalance top-ups and usage charges, switches
`QM_ONEBALANCE_BALANCE_RELOAD_STREAM` and `QM_ONEBALANCE_BALANCE_CHARGE_STREAM`) belong to a
domain not built in this platform, so none is written yet."""
