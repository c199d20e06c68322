from services.case_review.main import run

run()
