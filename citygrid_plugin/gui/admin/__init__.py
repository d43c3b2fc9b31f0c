"""The administration dialog (系统管理): the city's rules as data its administrator maintains from
QGIS — departments and their territories, staff logins, routing rules, the working calendar, case
sources, local classes, the 数字城管办's authorisations, the evaluation weights, the command manual
(指挥手册) and the audit of every change.

One module per tab and :mod:`.dialog` that holds them. Every write goes through store.admin,
store.manual or store.roles (the store checks, refuses non-administrators and audits); the tabs
only translate widgets into those calls and show the store's answer.
"""
