"""The web pages over a store (see docs/web.md): Analyse, Article, Actor, Network, Events,
Commitments and Search, served by ``newsgraph serve`` next to the REST API (``site.install_web``).

Templates are Jinja2 (``templates/``); our scripts and styles are in ``static/``; the chart
and graph libraries come from npm (``package.json``) and are copied to ``static/vendor/`` by
``make install-web``, so nothing is loaded from another site.
"""
