from services.suggestions.main import run

run()
