"""Window pieces for printed papers (issue 11): the 巡察公告's date, the 问题底稿 dialog.

Kept apart from the views they are opened from; each view adds one button that opens them.
"""
