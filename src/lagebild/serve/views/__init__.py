"""Routes, one module per page kind: home (overview and search), documents, actors,
events, statements, forecasts. Each HTML page has its JSON twin (same path + ``.json``)
answering the data the page shows."""
